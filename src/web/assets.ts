import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { govukFrontendDir, mojFrontendDir } from './nunjucks.js'

const require = createRequire(import.meta.url)
const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static')

const govukDist = path.join(govukFrontendDir, 'govuk')
const mojDist = path.join(mojFrontendDir, 'moj')

/** The built CSS and JS we serve from /assets/ (with their source maps, for debugging in the browser). */
const BUILT_FILES = new Set(
  ['govuk-frontend.min', 'moj-frontend.min'].flatMap((base) => [
    `/${base}.css`,
    `/${base}.css.map`,
    `/${base}.js`,
    `/${base}.js.map`,
  ]),
)

/** Our own files under /static/: the shared script, the staff pages' stylesheet, and the workbench's scripts and stylesheet. */
const STATIC_FILES = ['app.js', 'workbench.js', 'workbench-keys.js', 'workbench.css', 'staff.css']

const YEAR = 'public, max-age=31536000, immutable'
const HOUR = 'public, max-age=3600'

/**
 * Changes whenever GOV.UK Frontend, MoJ Frontend or our script changes. Pages add it to CSS and JS URLs
 * (`?v=...`), which lets browsers keep those files for a year and still fetch a new release straight away.
 */
export function computeAssetVersion(): string {
  const versions = ['govuk-frontend/package.json', '@ministryofjustice/frontend/package.json'].map(
    (p) => (require(p) as { version: string }).version,
  )
  const hash = createHash('sha256').update(versions.join('|'))
  for (const file of STATIC_FILES) hash.update(fs.readFileSync(path.join(staticDir, file)))
  return hash.digest('hex').slice(0, 12)
}

function cacheHeaders(version: string) {
  return (reply: FastifyReply, filePath: string) => {
    const query = reply.request.query as { v?: unknown } | undefined
    // Font file names carry a content hash; CSS and JS are versioned by the query string.
    const versioned = filePath.includes(`${path.sep}fonts${path.sep}`) || query?.v === version
    reply.header('cache-control', versioned ? YEAR : HOUR)
  }
}

/**
 * /assets/: GOV.UK Frontend's fonts, images and manifest, MoJ Frontend's images, and the built CSS and JS of
 * both (their stylesheets ask for fonts and images at /assets/). /static/: our own script.
 */
export async function registerAssets(app: FastifyInstance, opts: { assetVersion: string }): Promise<void> {
  // decorateReply: false so other parts of the app can register @fastify/static for their own folders.
  await app.register(fastifyStatic, {
    root: [path.join(govukDist, 'assets'), path.join(mojDist, 'assets'), govukDist, mojDist],
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    // Only these files: the package folders also hold Sass and source we have no reason to publish.
    allowedPath: (pathName) =>
      /^\/(fonts|images)\/[\w.-]+$/.test(pathName) || pathName === '/manifest.json' || BUILT_FILES.has(pathName),
    setHeaders: cacheHeaders(opts.assetVersion),
  })
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/static/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    allowedPath: (pathName) => STATIC_FILES.some((file) => pathName === `/${file}`),
    setHeaders: cacheHeaders(opts.assetVersion),
  })
}
