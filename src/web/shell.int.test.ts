import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import * as cheerio from 'cheerio'
import nunjucks from 'nunjucks'
import { registerWebShell } from './shell.js'
import { t, withoutInlineScript } from './nunjucks.js'

const secret = Buffer.alloc(32, 7)
let app: FastifyInstance

beforeAll(async () => {
  app = Fastify()
  await registerWebShell(app, {
    cookieSecret: secret,
    secureCookies: false,
    serviceName: 'Make a data protection request',
    organisationName: 'Test Constabulary',
  })
  app.get('/boom', async () => {
    throw new Error('database password is hunter2')
  })
  app.get('/down', async () => {
    throw Object.assign(new Error('maintenance'), { statusCode: 503 })
  })
  app.get('/staff/cases', async (_request, reply) =>
    reply.view('layouts/staff.njk', {
      pageTitle: 'Cases',
      user: { name: 'Sam Jones' },
      controller: { name: 'Test OPCC' },
    }),
  )
  await app.ready()
})
afterAll(() => app.close())

/** The CSRF secret cookie and a token from the cookie banner's form, as a browser would have them. */
async function tokenAndCookie(): Promise<{ token: string; cookie: string }> {
  const res = await app.inject('/')
  const token = cheerio.load(res.body)('form[action="/cookies"] input[name="_csrf"]').val()
  const csrf = res.cookies.find((c) => c.name === '_csrf')
  if (typeof token !== 'string' || !csrf) throw new Error('no CSRF token on the home page')
  return { token, cookie: `_csrf=${csrf.value}` }
}

/** A form POST as a browser sends it. */
function postForm(fields: Record<string, string>, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/cookies',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  })
}

function policyCookie(choices: { functional: boolean; performance: boolean; marketing: boolean }): string {
  return `cookie_policy=${encodeURIComponent(JSON.stringify({ version: 1, essential: true, ...choices }))}`
}

describe('home page', () => {
  it('is a start page with Exit this page, landmarks and a start button', async () => {
    const res = await app.inject('/')
    expect(res.statusCode).toBe(200)
    const $ = cheerio.load(res.body)
    expect($('html').attr('lang')).toBe('en')
    expect($('title').text().trim()).toBe(
      'Make a request about your personal information – Make a data protection request',
    )
    expect($('h1').text().trim()).toBe('Make a request about your personal information')
    expect($('.govuk-exit-this-page a').attr('href')).toBe('https://www.bbc.co.uk/weather')
    expect($('a.govuk-button--start').attr('href')).toBe('/request')
    expect($('a[href="/follow"]').length).toBeGreaterThan(0)
    expect($('header').length).toBe(1)
    expect($('main#main-content').length).toBe(1)
    expect($('footer a[href="/accessibility"]').text().trim()).toBe('Accessibility statement')
    expect($('.govuk-generic-header').text()).toContain('Test Constabulary')
    expect($('.govuk-phase-banner').text()).toContain('Beta')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('sends no inline script or style, and a strict CSP', async () => {
    const res = await app.inject('/')
    const $ = cheerio.load(res.body)
    const scripts = $('script').toArray()
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect($(s).attr('src')).toMatch(/^\/static\/app\.js\?v=/)
      expect($(s).text().trim()).toBe('')
    }
    expect($('style').length).toBe(0)
    expect($('[style]').length).toBe(0)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
  })
})

describe('cookie banner and cookies page', () => {
  it('shows the banner until a choice is made, and not on the cookies page', async () => {
    const first = cheerio.load((await app.inject('/')).body)
    expect(first('.govuk-cookie-banner').length).toBe(1)
    expect(first('.govuk-cookie-banner button[value="accept"]').text().trim()).toBe('Accept additional cookies')
    const chosen = await app.inject({
      url: '/',
      headers: { cookie: policyCookie({ functional: false, performance: false, marketing: false }) },
    })
    expect(cheerio.load(chosen.body)('.govuk-cookie-banner').length).toBe(0)
    const cookiesPage = await app.inject('/cookies')
    expect(cheerio.load(cookiesPage.body)('.govuk-cookie-banner').length).toBe(0)
  })

  it('asks again when the saved choice is unreadable', async () => {
    const res = await app.inject({ url: '/', headers: { cookie: 'cookie_policy=%7Bnot-json' } })
    expect(cheerio.load(res.body)('.govuk-cookie-banner').length).toBe(1)
  })

  it('refuses a POST without a CSRF token with a 403 page', async () => {
    const res = await postForm({ cookies: 'accept', returnTo: '/' })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toContain('text/html')
    expect(cheerio.load(res.body)('h1').text().trim()).toBe('Sorry, we could not complete that')
    expect(res.cookies.find((c) => c.name === 'cookie_policy')).toBeUndefined()
  })

  it('refuses a token that does not match the secret', async () => {
    const { cookie } = await tokenAndCookie()
    const res = await postForm({ _csrf: 'forged', cookies: 'accept' }, cookie)
    expect(res.statusCode).toBe(403)
  })

  it('saves Accept from the banner and shows the confirmation once back on the page', async () => {
    const { token, cookie } = await tokenAndCookie()
    const res = await postForm({ _csrf: token, cookies: 'accept', returnTo: '/cookies-test?x=1' }, cookie)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/cookies-test?x=1&cookies=accepted')
    const saved = res.cookies.find((c) => c.name === 'cookie_policy')
    expect(saved?.maxAge).toBe(31_536_000)
    expect(saved?.httpOnly).toBe(true)
    expect(saved?.sameSite).toBe('Lax')
    expect(JSON.parse(decodeURIComponent(saved?.value ?? ''))).toEqual({
      version: 1,
      essential: true,
      functional: true,
      performance: true,
      marketing: true,
    })

    const back = await app.inject({ url: '/?cookies=accepted', headers: { cookie: `cookie_policy=${saved?.value}` } })
    const $ = cheerio.load(back.body)
    expect($('.govuk-cookie-banner [role="alert"]').text()).toContain('You’ve accepted additional cookies')
    expect($('.govuk-cookie-banner a.govuk-button').attr('href')).toBe('/')
    const misreported = await app.inject({
      url: '/?cookies=rejected',
      headers: { cookie: `cookie_policy=${saved?.value}` },
    })
    expect(cheerio.load(misreported.body)('.govuk-cookie-banner').length).toBe(0)
  })

  it('saves Reject and never sends anyone to another site', async () => {
    const { token, cookie } = await tokenAndCookie()
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await postForm({ _csrf: token, cookies: 'reject', returnTo }, cookie)
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/?cookies=rejected')
      const saved = JSON.parse(decodeURIComponent(res.cookies.find((c) => c.name === 'cookie_policy')?.value ?? ''))
      expect(saved).toMatchObject({ functional: false, performance: false, marketing: false })
    }
  })

  it('explains each category and saves the choices from the cookies page', async () => {
    const page = cheerio.load((await app.inject('/cookies')).body)
    expect(page('h1').text().trim()).toBe('Cookies')
    for (const name of ['functional', 'performance', 'marketing']) {
      expect(page(`input[name="${name}"][value="no"]`).attr('checked')).toBeDefined()
    }
    expect(page('table').text()).toContain('cookie_policy')
    const token = String(page('form[action="/cookies"] input[name="_csrf"]').val())
    const { cookie } = await tokenAndCookie()
    // The token from /cookies belongs to a different secret; use one from the same visit.
    const visit = await app.inject({ url: '/cookies', headers: { cookie } })
    const sameVisitToken = String(cheerio.load(visit.body)('input[name="_csrf"]').val())
    expect(sameVisitToken).not.toBe(token)
    const res = await postForm({ _csrf: sameVisitToken, functional: 'yes', performance: 'no', marketing: 'no' }, cookie)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/cookies?cookies=saved')
    const value = res.cookies.find((c) => c.name === 'cookie_policy')?.value ?? ''
    expect(JSON.parse(decodeURIComponent(value))).toMatchObject({
      functional: true,
      performance: false,
      marketing: false,
    })
    const after = cheerio.load(
      (await app.inject({ url: '/cookies?cookies=saved', headers: { cookie: `cookie_policy=${value}` } })).body,
    )
    expect(after('.govuk-notification-banner--success').text()).toContain('You’ve set your cookie preferences.')
    expect(after('input[name="functional"][value="yes"]').attr('checked')).toBeDefined()
  })
})

describe('error pages', () => {
  it('renders Page not found for an unknown page', async () => {
    const res = await app.inject('/no-such-page')
    expect(res.statusCode).toBe(404)
    const $ = cheerio.load(res.body)
    expect($('h1').text().trim()).toBe('Page not found')
    expect($('.govuk-exit-this-page').length).toBe(1)
  })

  it('keeps the staff layout for a missing staff page', async () => {
    const res = await app.inject('/staff/no-such-page')
    expect(res.statusCode).toBe(404)
    const $ = cheerio.load(res.body)
    expect($('h1').text().trim()).toBe('Page not found')
    expect($('.govuk-exit-this-page').length).toBe(0)
  })

  it('renders the service problem page for a thrown error, with no detail', async () => {
    const res = await app.inject('/boom')
    expect(res.statusCode).toBe(500)
    expect(cheerio.load(res.body)('h1').text().trim()).toBe('Sorry, there is a problem with the service')
    expect(res.body).not.toContain('hunter2')
    expect(res.body).not.toMatch(/at .*\.ts:\d+/)
  })

  it('renders the unavailable page for a 503', async () => {
    const res = await app.inject('/down')
    expect(res.statusCode).toBe(503)
    expect(cheerio.load(res.body)('h1').text().trim()).toBe('Sorry, the service is unavailable')
  })

  it('answers the API in problem+json', async () => {
    const res = await app.inject('/api/v1/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 404, code: 'not-found', title: 'Not found' })
    expect(res.json().type).toEqual(expect.any(String))
  })
})

describe('assets', () => {
  it('serves GOV.UK and MoJ CSS and JS, fonts and our script', async () => {
    const css = await app.inject('/assets/govuk-frontend.min.css')
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
    const font = await app.inject('/assets/fonts/bold-b542beb274-v2.woff2')
    expect(font.statusCode).toBe(200)
    expect(font.headers['cache-control']).toContain('immutable')
    expect((await app.inject('/assets/moj-frontend.min.css')).statusCode).toBe(200)
    expect((await app.inject('/assets/govuk-frontend.min.js')).statusCode).toBe(200)
    expect((await app.inject('/assets/images/favicon.svg')).statusCode).toBe(200)
    expect((await app.inject('/assets/images/icon-document.svg')).statusCode).toBe(200)
    const script = await app.inject('/static/app.js')
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toContain('javascript')
  })

  it('caches versioned CSS for a year and unversioned for an hour', async () => {
    const html = cheerio.load((await app.inject('/')).body)
    const href = String(html('link[rel="stylesheet"]').attr('href'))
    expect((await app.inject(href)).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await app.inject('/assets/govuk-frontend.min.css')).headers['cache-control']).toBe('public, max-age=3600')
  })

  it('publishes nothing else from the packages', async () => {
    for (const url of [
      '/assets/govuk/template.njk',
      '/assets/index.scss',
      '/assets/../package.json',
      '/static/../shell.ts',
    ]) {
      expect((await app.inject(url)).statusCode).toBe(404)
    }
  })
})

describe('staff layout', () => {
  it('shows the signed-in user and controller, MoJ CSS and no Exit this page', async () => {
    const res = await app.inject('/staff/cases')
    const $ = cheerio.load(res.body)
    expect($('.moj-identity-bar').text()).toContain('Signed in as Sam Jones')
    expect($('.moj-identity-bar').text()).toContain('Test OPCC')
    expect($('link[href^="/assets/moj-frontend.min.css"]').length).toBe(1)
    expect($('.govuk-exit-this-page').length).toBe(0)
    expect($('.govuk-service-navigation a[aria-current="page"]').text().trim()).toBe('Cases')
    expect($('title').text()).toContain('Cases – Casework')
  })
})

describe('text and templates', () => {
  it('fills placeholders and refuses unknown keys', () => {
    expect(t('cookieBanner.heading', { serviceName: 'X' })).toBe('Cookies on X')
    expect(() => t('no.such.key')).toThrow(/no\.such\.key/)
    expect(() => t('cookieBanner.heading')).toThrow(/serviceName/)
  })

  it('keeps a safe link as HTML and escapes everything else around it', () => {
    const link = new nunjucks.runtime.SafeString('<a href="/contact">tell us</a>')
    expect(String(t('common.phaseText', { link }))).toBe(
      'This is a new service. Help us improve it and <a href="/contact">tell us</a>.',
    )
    const html = String(t('staff.signedInAs', { name: '<b>Ann & Co</b>', unused: link }))
    expect(html).toBe('Signed in as &#60;b&#62;Ann &#38; Co&#60;/b&#62;')
  })

  it('stops if govuk/template.njk stops matching what we strip', () => {
    expect(() => withoutInlineScript('<body>\n<p>no script here</p>')).toThrow(/template\.njk changed/)
    expect(withoutInlineScript('a\n<script>document.body.className += 1</script>\nb')).toBe('a\nb')
  })
})
