import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import SlowFirstSequencer from './test/support/sequencer.js'

// Files run side by side, unit, integration and end-to-end alike, one more at a time than there are cores: the
// integration and end-to-end files spend much of their time waiting on PostgreSQL, child processes and Chromium.
// Each integration file has its own database (a copy of a template: test/support/test-database.ts), so they can.
// Three at most keeps PostgreSQL well inside its default 100 connections (a file holds at most ~30).
const workers = Number(process.env.RIGHTSDESK_TEST_WORKERS) || Math.min(3, availableParallelism() + 1)
const setupFiles = ['test/support/file-cost.ts']
// Integration and e2e files import the whole application (~4 s of CPU through vitest's module runner); a worker
// that keeps its modules between files pays that once instead of once per file. Each file still has its own
// database, app instance and browser contexts, and closes them in afterAll.
const isolate = process.env.RIGHTSDESK_TEST_ISOLATE === 'true'
// Generous, because the machine is shared: with other people's builds on the same two cores a step that takes
// seconds alone can take minutes. A test that hangs still fails.
const slow = { testTimeout: 300_000, hookTimeout: 300_000 }

// unit: pure tests (domain, application with fakes). integration: real PostgreSQL (embedded, or
// TEST_DATABASE_URL when set), real SMTP peer, real child processes.
export default defineConfig({
  test: {
    env: { TZ: 'Europe/London' },
    maxWorkers: workers,
    reporters: ['default', './test/support/slowest-files-reporter.ts'],
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          setupFiles,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          isolate,
          ...slow,
          globalSetup: ['test/global-setup.ts'],
          setupFiles,
        },
      },
      {
        // Chromium end-to-end tests (playwright-core + axe); they skip with a message without /usr/bin/chromium.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          isolate,
          ...slow,
          globalSetup: ['test/global-setup.ts'],
          setupFiles,
        },
      },
    ],
  },
})
