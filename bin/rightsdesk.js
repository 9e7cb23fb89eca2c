#!/usr/bin/env node
// Runs the compiled product in dist/ (built by `npm ci`, `npm start`, `npm test` or `npm run build`: see
// scripts/build.js). In a git checkout it first makes sure dist/ was built from the sources there now, so nobody
// runs yesterday's code by mistake; the check is a directory walk, a few milliseconds.
import { buildProblem, isCheckout } from '../scripts/build-state.js'

const problem = isCheckout() ? buildProblem() : null
if (problem) {
  process.stderr.write(`rightsdesk: ${problem}\n`)
  process.exitCode = 1
} else {
  const { main } = await import('../dist/bundle/cli.js')
  process.exitCode = await main(process.argv.slice(2))
}
