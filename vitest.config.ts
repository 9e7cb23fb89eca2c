import { defineConfig } from 'vitest/config'

// unit: pure tests (domain, application with fakes). integration: real PostgreSQL (embedded, or
// TEST_DATABASE_URL when set), real SMTP peer, real child processes.
export default defineConfig({
  test: {
    env: { TZ: 'Europe/London' },
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        // Chromium end-to-end tests (playwright-core + axe); they skip with a message without /usr/bin/chromium.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
})
