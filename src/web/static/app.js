/* global document, window */
// Loaded as <script type="module" src>: the CSP forbids inline scripts, so this file does what the GOV.UK
// template's inline snippet would have done, then starts the GOV.UK and MoJ components.
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js'
import { FilterToggleButton, initAll as initMoj } from '/assets/moj-frontend.min.js'

// Module scripts only run in browsers GOV.UK Frontend supports, so both classes are safe to add here.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initGovuk()
if (document.querySelector('[data-module^="moj-"]')) initMoj()
// MoJ's initAll leaves out the filter's show/hide button; the case list's filter layout needs it (issue 14), so the
// table can take the whole window. The filter starts hidden unless filters are chosen (data-start-hidden).
for (const filter of document.querySelectorAll('[data-module="moj-filter"]')) new FilterToggleButton(filter)

// Quick exit: on pages with the Exit this page button, Escape leaves at once for the same neutral page.
// location.replace so Back does not return here (the page is also sent with no-store).
const exitButton = document.querySelector('.govuk-js-exit-this-page-button')
if (exitButton instanceof window.HTMLAnchorElement) {
  document.addEventListener('keydown', (event) => {
    // A component that used Escape itself (closing a menu, say) calls preventDefault: leave that alone.
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return
    document.body.classList.add('govuk-exit-this-page-hide-content')
    window.location.replace(exitButton.href)
  })
}
