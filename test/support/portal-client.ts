import * as cheerio from 'cheerio'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/**
 * A browser-like client for the public portal over Fastify inject: it keeps cookies, reads the CSRF token from the
 * last page it loaded (as a browser's form would carry it), and sends forms url-encoded or multipart.
 */
export interface Page {
  status: number
  location: string | undefined
  $: cheerio.CheerioAPI
  body: string
  res: LightMyRequestResponse
}

export interface FilePart {
  field: string
  filename: string
  contentType: string
  bytes: Buffer
}

export class PortalClient {
  private readonly cookies = new Map<string, string>()
  csrf = ''

  constructor(
    private readonly app: FastifyInstance,
    /** Each client looks like its own address to the rate limiter unless told otherwise. */
    public ip = `10.${rand()}.${rand()}.${rand()}`,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return { ...(cookie ? { cookie } : {}), 'x-forwarded-for': this.ip, ...extra }
  }

  private remember(res: LightMyRequestResponse): Page {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now())
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const $ = cheerio.load(res.body)
    const token = $('input[name="_csrf"]').first().val()
    if (typeof token === 'string' && token !== '') this.csrf = token
    const location = res.headers.location
    return {
      status: res.statusCode,
      location: typeof location === 'string' ? location : undefined,
      $,
      body: res.body,
      res,
    }
  }

  async get(url: string): Promise<Page> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers() }))
  }

  /** Follows redirects like a browser (GET after 303). */
  async follow(page: Page, limit = 10): Promise<Page> {
    let current = page
    for (let i = 0; i < limit && current.location && current.status >= 300 && current.status < 400; i++)
      current = await this.get(current.location)
    return current
  }

  async post(
    url: string,
    fields: Record<string, string | string[]>,
    opts: { csrf?: string | null } = {},
  ): Promise<Page> {
    const params = new URLSearchParams()
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    if (token !== null) params.append('_csrf', token)
    for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) params.append(k, item)
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    })
    return this.remember(res)
  }

  /** A hand-made JSON body (browsers never send one; Fastify parses it, so the forms must cope). */
  async postJson(url: string, body: unknown, opts: { csrf?: string | null } = {}): Promise<Page> {
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    const payload =
      typeof body === 'object' && body !== null && !Array.isArray(body) && token !== null
        ? { _csrf: token, ...body }
        : body
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(payload),
      headers: this.headers({ 'content-type': 'application/json' }),
    })
    return this.remember(res)
  }

  async postMultipart(
    url: string,
    fields: Record<string, string>,
    file: FilePart | null,
    opts: { csrf?: string | null } = {},
  ) {
    const boundary = `----portal${rand()}${rand()}`
    const parts: Buffer[] = []
    const token = opts.csrf === undefined ? this.csrf : opts.csrf
    const all = token === null ? fields : { _csrf: token, ...fields }
    for (const [k, v] of Object.entries(all)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
    }
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
            `Content-Type: ${file.contentType}\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from('\r\n'),
      )
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: this.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    })
    return this.remember(res)
  }
}

function rand(): number {
  return Math.floor(Math.random() * 250) + 1
}

/** The GOV.UK error summary's messages, or [] when the page has none. */
export function errorSummary(page: Page): string[] {
  return page
    .$('.govuk-error-summary__list a')
    .map((_, a) => page.$(a).text().trim())
    .get()
}
