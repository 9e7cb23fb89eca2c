import { emailFolderReader, fileShareReader } from './files-source.js'
import { mboxReader } from './mbox-source.js'
import { pstReader } from './pst-source.js'
import { tableReader } from './table-source.js'
import type { SourceKind, SourceReader } from './types.js'

export const READERS: Record<SourceKind, SourceReader> = {
  mbox: mboxReader,
  'email-folder': emailFolderReader,
  pst: pstReader,
  'file-share': fileShareReader,
  postgres: tableReader,
  mysql: tableReader,
}
