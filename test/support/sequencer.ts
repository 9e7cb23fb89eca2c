import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Starts the longest files first, whatever their project, so the run does not end with one of them running alone
 * while the other workers sit idle. Vitest remembers how long each file took (its cache in node_modules/.vite) on a
 * machine that has run the suite before; a fresh clone (CI) has no such record, so there the files known to take
 * longest (the slowest-files report at the end of a run names them) go first, then the rest largest first. Unit
 * files go last: they are quick and fill the gaps at the end.
 */
const KNOWN_SLOW = [
  'e2e/casework-pages.e2e.test.ts',
  'test/portal-fuzz.int.test.ts',
  'test/crash.int.test.ts',
  'test/route-matrix.int.test.ts',
  'test/disclosure-worker-kill.int.test.ts',
  'e2e/casework-sar.e2e.test.ts',
  'e2e/disclosure-workbench.e2e.test.ts',
  'e2e/portal-request.e2e.test.ts',
]

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const key = (f: TestSpecification) => `${f.project.name}:${this.relative(f)}`
    const recorded = (f: TestSpecification) => this.ctx.cache.getFileTestResults(key(f))?.duration
    const anyRecorded = files.some((f) => recorded(f) !== undefined)
    const weight = (f: TestSpecification): number => {
      if (anyRecorded) return recorded(f) ?? Number.POSITIVE_INFINITY // a new file: find out early
      const known = KNOWN_SLOW.indexOf(this.relative(f))
      return known === -1 ? (this.ctx.cache.getFileStats(key(f))?.size ?? 0) : 1e12 - known
    }
    const unit = (f: TestSpecification) => (f.project.name === 'unit' ? 1 : 0)
    return [...files].sort((a, b) => unit(a) - unit(b) || weight(b) - weight(a))
  }

  private relative(f: TestSpecification): string {
    return f.moduleId.slice(this.ctx.config.root.length + 1)
  }
}
