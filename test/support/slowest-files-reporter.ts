import path from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * Closes a run with the ten slowest test files (wall time, and the CPU their worker and its child processes used),
 * the run's wall time, and the count of tests as one `tests: N passed, N failed, N skipped` line that CI reads.
 */
export default class SlowestFilesReporter implements Reporter {
  private started = performance.now()

  onTestRunStart() {
    this.started = performance.now()
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const wallMs = performance.now() - this.started
    const rows = modules
      .map((m) => ({ m, ms: m.diagnostic().duration + m.diagnostic().collectDuration, cpu: m.meta().cpuMs }))
      .sort((a, b) => b.ms - a.ms)
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const m of modules) for (const t of m.children.allTests()) countResult(counts, t.result().state)
    const out = ['', 'Slowest test files (wall; CPU of the worker and its child processes):']
    for (const { m, ms, cpu } of rows.slice(0, 10)) {
      const file = path.relative(process.cwd(), m.moduleId)
      out.push(
        `  ${seconds(ms).padStart(7)}  ${cpu === undefined ? '      ' : `${seconds(cpu).padStart(6)} CPU`}  ${file}`,
      )
    }
    out.push(
      `Test suite: ${modules.length} files in ${(wallMs / 60_000).toFixed(1)} minutes (${seconds(wallMs)} wall)`,
      `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      '',
    )
    process.stdout.write(out.join('\n'))
  }
}

function countResult(counts: { passed: number; failed: number; skipped: number }, state: string) {
  if (state === 'passed') counts.passed++
  else if (state === 'failed') counts.failed++
  else counts.skipped++
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
