/* global document */
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

// Exit this page: GOV.UK Frontend's component handles the button and Shift pressed three times, and clears its
// overlay when Back returns here. Escape is deliberately not a shortcut: people press it by habit (to close a
// menu or a hint) and one stray key lost everything they had typed (GOV.UK Design System, "Exit a page quickly").
