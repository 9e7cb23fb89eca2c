/**
 * The redaction workbench's engine (MuPDF, WebAssembly: a few hundred milliseconds to start, and a hundred modules),
 * loaded when a reviewer first opens a page or searches, not with the web server (issue 12: /ready within 1.5 s).
 */
export async function reviewEngine() {
  const [review, pdf] = await Promise.all([
    import('../../disclosure/review/index.js'),
    import('../../disclosure/pdf/index.js'),
  ])
  return { ...review, releaseEngineCaches: pdf.releaseEngineCaches }
}
