import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Files run side by side, unit, integration and end-to-end alike, one more at a time than there are cores: the
// integration and end-to-end files spend much of their time waiting on PostgreSQL, child processes and Chromium.
// Each integration file has its own database (a copy of a template: test/support/test-database.ts), so they can.
// Three at most keeps PostgreSQL well inside its default 100 connections (a file holds at most ~30).
const workers = Number(process.env.RIGHTSDESK_TEST_WORKERS) || Math.min(3, availableParallelism() + 1)
const setupFiles = ['test/support/file-cost.ts']

// unit: pure tests (domain, application with fakes). integration: real PostgreSQL (embedded, or
// TEST_DATABASE_URL when set), real SMTP peer, real child processes.
export default defineConfig({
  test: {
    env: { TZ: 'Europe/London' },
    maxWorkers: workers,
    reporters: ['default', './test/support/slowest-files-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'], setupFiles } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/global-setup.ts'],
          setupFiles,
        },
      },
      {
        // Chromium end-to-end tests (playwright-core + axe); they skip with a message without /usr/bin/chromium.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/global-setup.ts', 'e2e/support/global-setup.ts'],
          setupFiles,
        },
      },
    ],
  },
})
