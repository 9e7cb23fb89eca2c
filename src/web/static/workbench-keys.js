/* global document, window, fetch, FormData, URLSearchParams */
// The redaction workbench at the speed of thought (issue 14): accept, reject and undo without reloading the page,
// keyboard shortcuts with a help panel, and focus kept where the reviewer is. Loaded as a module file (the CSP
// forbids inline scripts). Without it every decision is an ordinary form that reloads the page, as before.

const list = document.getElementById('redactions')
const panel = document.getElementById('shortcuts')
const status = document.getElementById('wb-status')
const FILL = { proposed: '#b35900', accepted: '#0b0c0c', rejected: '#505a5f' }

if (list && panel) {
  const items = () => [...list.querySelectorAll('li.app-redaction')]
  const say = (message) => {
    if (status) status.textContent = message
  }
  /** Decisions made on this page, newest last, with what each redaction was before, so "undo" can restore it. */
  const done = []
  let current = null

  const boxOf = (li) => document.querySelector(`g[data-redaction="${li.dataset.id}"]`)
  const setCurrent = (li, focus) => {
    if (current) {
      current.classList.remove('app-redaction--current')
      boxOf(current)?.classList.remove('app-box--current')
    }
    current = li
    if (!li) return
    li.classList.add('app-redaction--current')
    boxOf(li)?.classList.add('app-box--current')
    if (focus) {
      li.focus({ preventScroll: true })
      li.scrollIntoView({ block: 'nearest' })
    }
  }
  /** The next redaction still proposed after `from` (wrapping round), or null when none is left. */
  const nextProposed = (from) => {
    const all = items()
    const start = from ? all.indexOf(from) : -1
    for (let i = 1; i <= all.length; i++) {
      const li = all[(start + i) % all.length]
      if (li.dataset.status === 'proposed') return li
    }
    return null
  }

  /** Draws one redaction's new state: its tag in the list, its box and number on the picture. */
  const redraw = (li, r) => {
    li.dataset.status = r.status
    const tag = li.querySelector('[data-tag]')
    if (tag) {
      tag.textContent = r.tag.text
      tag.className = `govuk-tag ${r.tag.classes} govuk-!-margin-right-1`
    }
    const number = li.querySelector('.app-redaction__number')
    if (number) number.className = `app-redaction__number app-redaction__number--${r.status}`
    li.querySelector('input[name="version"]').value = String(r.version)
    const g = boxOf(li)
    if (!g) return
    g.setAttribute('class', `app-box app-box--${r.status}${li === current ? ' app-box--current' : ''}`)
    for (const rect of g.querySelectorAll('rect')) {
      if (rect.classList.contains('app-box__badge')) {
        rect.setAttribute('fill', FILL[r.status])
        continue
      }
      const styles = {
        proposed: { fill: 'url(#app-hatch)', stroke: '#b35900', 'stroke-width': '1', 'stroke-dasharray': '2.5 1.2' },
        accepted: { fill: '#0b0c0c', stroke: 'none', 'stroke-width': '0', 'stroke-dasharray': 'none' },
        rejected: { fill: 'none', stroke: '#505a5f', 'stroke-width': '0.6', 'stroke-dasharray': 'none' },
      }[r.status]
      for (const [k, v] of Object.entries(styles)) rect.setAttribute(k, v)
    }
  }

  /** The "accept all on this page" panel says how many are left, and goes when none are. */
  const redrawPagePanel = (json) => {
    const pagePanel = document.getElementById('page-actions')
    if (!pagePanel) return
    pagePanel.hidden = json.proposedOnPage === 0
    const accept = document.getElementById('accept-page')
    const reject = document.getElementById('reject-page')
    if (accept) accept.textContent = json.acceptPageText
    if (reject) reject.textContent = json.rejectPageText
  }

  /** Sends one decision as the form would, asking for JSON; falls back to the ordinary form on any failure. */
  const decide = async (li, decision, { advance, undo = false }) => {
    const form = li.querySelector('form[data-decide]')
    const body = new URLSearchParams(new FormData(form))
    body.set('decision', decision)
    body.set('number', li.dataset.number)
    const before = li.dataset.status
    say(panel.dataset.saving)
    let res
    try {
      res = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body,
        credentials: 'same-origin',
      })
    } catch {
      res = null
    }
    if (!res || !res.ok) {
      // Someone else changed it, or the session ended: the page shows what happened, as without the script.
      const problem = res ? await res.json().catch(() => null) : null
      say(problem?.message ?? panel.dataset.failed)
      window.setTimeout(() => window.location.reload(), problem ? 2500 : 1000)
      return
    }
    const json = await res.json()
    redraw(li, json.redaction)
    redrawPagePanel(json)
    say(json.message)
    if (!undo) done.push({ li, before })
    if (advance) setCurrent(nextProposed(li) ?? li, true)
  }

  // Buttons in the list: the same forms, without the reload. "Accept every occurrence" still reloads (many change).
  list.addEventListener('submit', (event) => {
    const form = event.target
    const submitter = event.submitter
    if (!form.matches('form[data-decide]') || !submitter || submitter.name !== 'decision') return
    event.preventDefault()
    const li = form.closest('li.app-redaction')
    setCurrent(li, false)
    // Focus stays on the button the reviewer pressed.
    decide(li, submitter.value, { advance: false })
  })
  list.addEventListener('focusin', (event) => {
    const li = event.target.closest?.('li.app-redaction')
    if (li && li !== current) setCurrent(li, false)
  })

  // The help panel: shown once the shortcuts work, toggled by its button or "?".
  panel.hidden = false
  const toggle = document.getElementById('shortcuts-toggle')
  const help = document.getElementById('shortcuts-help')
  const showHelp = (open) => {
    help.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
    toggle.textContent = open ? panel.dataset.hide : panel.dataset.show
  }
  toggle.addEventListener('click', () => showHelp(help.hidden))

  const typing = (el) => el instanceof window.HTMLElement && el.closest('input, select, textarea, [contenteditable]')
  const nextPageLink = () =>
    document.getElementById('next-to-review') ?? document.querySelector('.govuk-pagination__next a')

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return
    if (typing(event.target)) return
    const key = event.key
    const act = {
      j: () => setCurrent(nextProposed(current) ?? current, true),
      k: () => {
        const all = items()
        const i = current ? all.indexOf(current) : 0
        setCurrent(all[(i - 1 + all.length) % all.length] ?? null, true)
      },
      a: () => current && decide(current, 'accepted', { advance: true }),
      r: () => current && decide(current, 'rejected', { advance: true }),
      u: () => {
        const last = done.pop()
        if (!last) return say(panel.dataset.nothing)
        setCurrent(last.li, true)
        return decide(last.li, last.before, { advance: false, undo: true })
      },
      n: () => nextPageLink()?.click(),
      '?': () => showHelp(help.hidden),
      Escape: () => !help.hidden && showHelp(false),
    }[key]
    if (!act) return
    event.preventDefault()
    act()
  })

  // Start on the first proposal, without moving the page or the focus.
  setCurrent(nextProposed(null), false)
}
