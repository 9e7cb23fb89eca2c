import * as mupdf from 'mupdf'

/**
 * Encrypts a PDF with AES-256 (PDF 2.0 security handler, revision 6) so it can be emailed: seed 002 sends personal
 * data by email only "password protected". The user password opens the file; the owner password is random and not kept.
 */
export function encryptPdf(pdf: Uint8Array, userPassword: string, ownerPassword: string): Uint8Array {
  // mupdf takes the options as one comma-separated string, so a comma or = in a password would break it.
  for (const p of [userPassword, ownerPassword]) {
    if (!/^[A-Za-z0-9._~!@#$%^&*+-]{8,64}$/.test(p)) throw new Error('PDF passwords must be 8-64 characters, no , or =')
  }
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const buffer = doc
      .asPDF()!
      .saveToBuffer(`encrypt=aes-256,user-password=${userPassword},owner-password=${ownerPassword}`)
    // Copy out of WASM memory before the document is destroyed (DESIGN §2, mupdf notes).
    return Uint8Array.from(buffer.asUint8Array())
  } finally {
    doc.destroy()
  }
}

/** True when the file needs a password, and the given one opens it (used by tests and as a self-check). */
export function opensWithPassword(pdf: Uint8Array, password: string): { encrypted: boolean; opens: boolean } {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const encrypted = doc.needsPassword()
    return { encrypted, opens: !encrypted || doc.authenticatePassword(password) > 0 }
  } finally {
    doc.destroy()
  }
}
