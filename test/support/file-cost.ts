import { readFileSync } from 'node:fs'
import { afterAll } from 'vitest'

/**
 * Set-up file for every project: records the CPU time the file's worker process used (its own, and that of the
 * child processes it started and waited for: `rightsdesk` processes, Chromium) so the slowest-files report can say
 * whether a slow file was busy or waiting. The machine has two cores; wall time alone hides which files crowd them.
 */
declare module 'vitest' {
  interface TaskMeta {
    cpuMs?: number
  }
}

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** utime + stime + cutime + cstime of this process, in ms; undefined off Linux. */
function cpuMs(): number | undefined {
  try {
    // The command name (field 2) may contain spaces; the fields after it are fixed.
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
    return (ticks * 1000) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

const atStart = cpuMs()

// vitest passes the file's suite second; its first argument must be a destructuring pattern.
// eslint-disable-next-line no-empty-pattern
afterAll(({}, suite) => {
  const now = cpuMs()
  if (now !== undefined && atStart !== undefined) suite.file.meta.cpuMs = now - atStart
})
