import fs from 'node:fs/promises'
import path from 'node:path'
import type { Actor } from '../../application/actor.js'
import { checkStaffUpload } from '../../application/casework/staff-upload.js'
import { requestPreparation } from '../../application/disclosure/runs.js'
import { storeDocumentIn } from '../../application/store-document.js'
import { withTransaction } from '../../persistence/db.js'
import { fail, wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'

const usage = `Usage: rightsdesk material add REFERENCE PATH...

Adds files to a case's disclosure material, as if uploaded by the DP manager: each PATH is a file or a folder
(read recursively; hidden files skipped). Every file is checked by its content (PDF, Word, Excel, email, text,
image); if any cannot be used, nothing is added and the command says which (exit 2). The files are then read
and detected by the job worker; follow the progress on the case's disclosure workbench.
`

/** The operator at the server: audited as the system, with the casework permission the use case checks. */
const CLI_ACTOR: Actor = { kind: 'system', id: 'cli', name: 'rightsdesk material', roles: [], controllerIds: null }
const MAX_FILES = 1000

export const materialCommand: CliCommand = {
  name: 'material',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    const [sub, reference, ...paths] = argv
    if (sub !== 'add' || !reference || paths.length === 0)
      return fail('material', 'expected `material add REFERENCE PATH...`', 2)
    const files: string[] = []
    for (const p of paths) {
      const found = await collect(path.resolve(p)).catch(() => null)
      if (!found) return fail('material', `${p}: no such file or folder`, 2)
      files.push(...found)
    }
    if (files.length === 0) return fail('material', 'no files found', 2)
    if (files.length > MAX_FILES)
      return fail('material', `more than ${MAX_FILES} files: add them in smaller batches`, 2)
    return withServices('web', async (s) => {
      // Checked with the configured virus scanner too, so every file is judged before any is kept.
      const checked: { file: string; bytes: Uint8Array; contentType: string }[] = []
      for (const file of files) {
        const bytes = new Uint8Array(await fs.readFile(file))
        const check = await checkStaffUpload({ filename: path.basename(file), bytes }, { scanner: s.app.virusScanner })
        if (!check.ok) return fail('material', `${file}: ${check.message.replace(/^The selected file/, 'the file')}`, 2)
        checked.push({ file, bytes, contentType: check.contentType })
      }
      const c = await s.db.pool.query<{ id: string }>('SELECT id FROM cases WHERE reference = $1', [reference])
      const caseId = c.rows[0]?.id
      if (!caseId) return fail('material', `no case with reference ${reference}`, 2)
      await withTransaction(s.db.pool, async (tx) => {
        for (const f of checked)
          await storeDocumentIn(tx, s.app, CLI_ACTOR, {
            caseId,
            kind: 'material',
            filename: path.basename(f.file),
            contentType: f.contentType,
            bytes: f.bytes,
          })
      })
      const run = await requestPreparation(s.app, CLI_ACTOR, caseId)
      process.stdout.write(
        `Added ${checked.length} file${checked.length === 1 ? '' : 's'} to ${reference}. The worker is reading them (run ${run.id}).\n`,
      )
      return 0
    })
  },
}

/** Files under a path, sorted, hidden files and folders skipped; symbolic links are not followed. */
async function collect(p: string): Promise<string[]> {
  const stat = await fs.lstat(p)
  if (stat.isFile()) return [p]
  if (!stat.isDirectory()) return []
  const out: string[] = []
  for (const entry of (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) out.push(...(await collect(path.join(p, entry.name))))
    else if (entry.isFile()) out.push(path.join(p, entry.name))
  }
  return out
}
