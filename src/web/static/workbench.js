/* global document, window, fetch, setTimeout, DOMPoint */
// The redaction workbench's script (src/web/staff/disclosure). Loaded as a module file: the CSP forbids inline
// scripts. Everything here is an extra on top of forms that work without it: progress without reloading, drawing a
// box over the page picture, and redacting text selected on the page.

// Progress of reading or building: poll the counters and update the live region; reload once the run has finished
// (a meta refresh would reload every few seconds, which WCAG 2.2.1 and screen reader users do not want).
const progress = document.getElementById('run-progress')
if (progress && progress.dataset.poll) {
  const label = document.getElementById('progress-label')
  const bar = document.getElementById('progress-bar')
  const count = document.getElementById('progress-count')
  // Every second at first (three short documents are read in about that), then every 3 s for a long run.
  let polls = 0
  const next = () => setTimeout(poll, polls++ < 20 ? 1000 : 3000)
  const poll = async () => {
    try {
      const res = await fetch(progress.dataset.poll, { headers: { accept: 'application/json' } })
      if (res.ok) {
        const p = await res.json()
        if (!p.active) {
          window.location.replace(window.location.pathname)
          return
        }
        if (label && label.textContent !== p.label) label.textContent = p.label
        if (count && count.textContent !== p.count) count.textContent = p.count
        if (bar) {
          bar.max = p.total
          bar.value = p.done
        }
      }
    } catch {
      // Offline for a moment: try again at the next tick.
    }
    next()
  }
  next()
}

// Drawing a box: drag over the page picture. The SVG's viewBox is the page in PDF points, so the screen position is
// turned into points with the inverse of getScreenCTM, whatever size the picture is shown at.
const svg = document.querySelector('svg[data-draw]')
const boxForm = svg ? document.getElementById(svg.dataset.draw) : null
if (svg && boxForm) {
  boxForm.hidden = false
  svg.parentElement.classList.add('app-page-figure--draw')
  const size = svg.viewBox.baseVal
  const submit = document.getElementById('box-submit')
  const status = document.getElementById('box-status')
  const field = (name) => boxForm.querySelector(`input[name="${name}"]`)
  const clamp = (n, max) => Math.min(Math.max(n, 0), max)
  const round = (n) => Math.round(n * 100) / 100
  let start = null
  let drawn = null
  const toPoints = (event) => {
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse())
    return { x: clamp(p.x, size.width), y: clamp(p.y, size.height) }
  }
  const show = (a, b) => {
    if (!drawn) {
      drawn = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
      drawn.setAttribute('fill', '#1d70b8')
      drawn.setAttribute('fill-opacity', '0.25')
      drawn.setAttribute('stroke', '#1d70b8')
      drawn.setAttribute('stroke-width', '1.5')
      drawn.setAttribute('id', 'drawn-box')
      svg.appendChild(drawn)
    }
    const box = [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)].map(round)
    drawn.setAttribute('x', box[0])
    drawn.setAttribute('y', box[1])
    drawn.setAttribute('width', round(box[2] - box[0]))
    drawn.setAttribute('height', round(box[3] - box[1]))
    return box
  }
  svg.addEventListener('dragstart', (event) => event.preventDefault())
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return
    event.preventDefault()
    svg.setPointerCapture(event.pointerId)
    start = toPoints(event)
    show(start, start)
  })
  svg.addEventListener('pointermove', (event) => {
    if (start) show(start, toPoints(event))
  })
  const finish = (event) => {
    if (!start) return
    const box = show(start, toPoints(event))
    start = null
    // A click, not a drag: nothing to redact.
    if (box[2] - box[0] < 2 || box[3] - box[1] < 2) {
      drawn.remove()
      drawn = null
      return
    }
    ;['x0', 'y0', 'x1', 'y1'].forEach((name, i) => (field(name).value = String(box[i])))
    if (submit) {
      submit.removeAttribute('disabled')
      submit.removeAttribute('aria-disabled')
    }
    if (status) status.textContent = status.dataset.drawn
    if (submit) submit.focus()
  }
  svg.addEventListener('pointerup', finish)
  svg.addEventListener('pointercancel', () => {
    start = null
  })
}

// Redacting selected text: the page is a picture, so its text is shown below it; what is selected there fills the
// "Find and redact" form (this page only) and sends it, marked as a selection.
const pageText = document.getElementById('page-text')
const selectButton = document.getElementById('redact-selection')
const findForm = document.getElementById('find-form')
if (pageText && selectButton && findForm) {
  selectButton.hidden = false
  const hint = document.getElementById('selection-hint')
  const problem = document.getElementById('selection-error')
  if (hint) hint.hidden = false
  let selected = ''
  document.addEventListener('selectionchange', () => {
    const selection = window.getSelection()
    if (!selection || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    if (pageText.contains(range.commonAncestorContainer)) selected = selection.toString()
  })
  selectButton.addEventListener('click', () => {
    const chosen = selected.replace(/\s+/g, ' ').trim()
    if (!chosen) {
      if (problem) problem.hidden = false
      pageText.focus()
      return
    }
    findForm.querySelector('input[name="text"]').value = chosen
    findForm.querySelector('input[name="scope"][value="page"]').checked = true
    findForm.querySelector('input[name="source"]').value = 'selection'
    findForm.requestSubmit()
  })
}
