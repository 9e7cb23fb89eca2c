import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import { DEMO_PASSWORD, demoEmail } from '../../src/cli/demo/demo-controllers.js'
import type { Role } from '../../src/domain/index.js'
import { codeFor, depsOf, rememberSecret } from './second-factor.js'

/**
 * A browser-like client for the staff pages over Fastify inject: keeps cookies, reads the CSRF token from the last
 * form it saw, posts urlencoded or multipart forms, and signs in as a demo role.
 */
export class StaffClient {
  readonly cookies = new Map<string, string>()
  csrf = ''
  last: LightMyRequestResponse | null = null

  /** `ip`: the client's address, as a reverse proxy would pass it on (the harness trusts X-Forwarded-For). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: { ip?: string } = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: this.cookieHeader, ...(this.opts.ip ? { 'x-forwarded-for': this.opts.ip } : {}), ...extra }
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.expires && c.expires.getTime() < Date.now()) this.cookies.delete(c.name)
      else if (c.value === '') this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1]
    if (token) this.csrf = token
    this.last = res
    return res
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: this.headers() }))
  }

  /** Follows redirects on GET (at most 5), like a browser after a form. */
  async follow(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    let current = res
    for (let i = 0; i < 5 && current.statusCode >= 300 && current.statusCode < 400; i++) {
      current = await this.get(String(current.headers.location))
    }
    return current
  }

  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: boolean } = {}) {
    const params = new URLSearchParams()
    if (opts.csrf !== false) params.append('_csrf', this.csrf)
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) params.append(k, item)
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        payload: params.toString(),
      }),
    )
  }

  async postMultipart(
    url: string,
    form: Record<string, string | string[]>,
    files: { field: string; filename: string; content: Buffer; type?: string }[],
  ) {
    const boundary = `----rightsdesk${Math.random().toString(16).slice(2)}`
    const parts: Buffer[] = []
    const add = (headers: string, body: Buffer) =>
      parts.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n'))
    add('Content-Disposition: form-data; name="_csrf"', Buffer.from(this.csrf))
    for (const [k, v] of Object.entries(form))
      for (const item of [v].flat()) add(`Content-Disposition: form-data; name="${k}"`, Buffer.from(item))
    for (const f of files) {
      add(
        `Content-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}`,
        f.content,
      )
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: this.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
        payload: Buffer.concat(parts),
      }),
    )
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/staff/sign-in')
    return this.post('/staff/sign-in', { email, password })
  }

  /**
   * Signs in all the way: the password, then the code from the account's authenticator app, or, for a role that must
   * use one and has none yet, setting one up (the secret read from the page, as a person would scan it). Returns the
   * page the person lands on, or null if they are not signed in (`last` says why).
   */
  async signInFully(email: string, password: string): Promise<string | null> {
    let res = await this.signIn(email, password)
    const to = String(res.headers.location ?? '')
    if (to === '/staff/sign-in/code') {
      await this.get(to)
      res = await this.post(to, { code: await codeFor(depsOf(this.app), email) })
    } else if (to === '/staff/sign-in/set-up') {
      const secret = this.$(await this.get(to))('#totp-secret')
        .text()
        .replace(/\s+/g, '')
      rememberSecret(email, secret)
      const done = await this.post(to, { code: await codeFor(depsOf(this.app), email) })
      // The recovery codes page: its button ("I have saved my recovery codes") leads on.
      return done.statusCode === 200 ? (this.$(done)('a.govuk-button').attr('href') ?? null) : null
    }
    const landing = String(res.headers.location ?? '')
    return res.statusCode === 303 && landing.startsWith('/staff/') && !landing.startsWith('/staff/sign-in')
      ? landing
      : null
  }

  async signInAs(role: Role): Promise<this> {
    if ((await this.signInFully(demoEmail(role), DEMO_PASSWORD)) === null) {
      const res = this.last!
      throw new Error(
        `sign-in as ${role} gave ${res.statusCode} ${String(res.headers.location)}: ${res.body.slice(0, 300)}`,
      )
    }
    await this.get('/staff/account/password').catch(() => undefined)
    return this
  }

  $(res: LightMyRequestResponse = this.last!) {
    return cheerio.load(res.body)
  }
}
