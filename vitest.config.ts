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
    ],
  },
})
