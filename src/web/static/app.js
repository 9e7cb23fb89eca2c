/* global document */
// Loaded as <script type="module" src>: the CSP forbids inline scripts, so this file does what the GOV.UK
// template's inline snippet would have done, then starts the GOV.UK and MoJ components.
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js'
import { initAll as initMoj } from '/assets/moj-frontend.min.js'

// Module scripts only run in browsers GOV.UK Frontend supports, so both classes are safe to add here.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initGovuk()
if (document.querySelector('[data-module^="moj-"]')) initMoj()

// Exit this page: GOV.UK Frontend's component handles the button and Shift pressed three times, and clears its
// overlay when Back returns here. Escape is deliberately not a shortcut: people press it by habit (to close a
// menu or a hint) and one stray key lost everything they had typed (GOV.UK Design System, "Exit a page quickly").
