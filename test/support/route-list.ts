import type { FastifyInstance } from 'fastify'

/**
 * Every route the app serves, as "METHOD /path", read from Fastify's own route tree (printRoutes), so a route added
 * anywhere shows up here. HEAD routes Fastify adds for each GET are left out.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const lines = app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .filter((l) => l.trim() !== '')
  const stack: { depth: number; path: string }[] = []
  const routes: string[] = []
  for (const line of lines) {
    const match = /^([\s│]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const path = (stack[stack.length - 1]?.path ?? '') + (match[2] ?? '')
    stack.push({ depth, path })
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`)
    }
  }
  return [...new Set(routes)].sort()
}
