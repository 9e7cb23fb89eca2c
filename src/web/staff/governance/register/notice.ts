import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import {
  currentPrivacyNotice,
  loadDpo,
  noticeFromRegister,
  publishPrivacyNotice,
  saveDpo,
} from '../../../../application/governance/register.js'
import { readRegulator } from '../../../../application/portal/regulator.js'
import { userDirectory } from '../../../../application/staff/user-directory.js'
import { formatLongDate, isDomainError, localDateInLondon } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { noticePageSections } from '../../../public/information/privacy-notice.js'
import { staffOf } from '../../access.js'
import { FORMAT, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { noticeChanges } from './notice-diff.js'
import { controllerFor, lines, registerUrl, REGISTER_BASE } from './shared.js'

type Params = { controllerId: string }
const longDate = (d: Date) => formatLongDate(localDateInLondon(d))

/** Who published a version: recorded as the audit actor id ("user:<id>"), or "demo" for the seeded first version. */
function publisherName(by: string, directory: { id: string; name: string }[]): string {
  if (by === 'demo') return text('register.historyPage.demoData')
  return directory.find((u) => `user:${u.id}` === by)?.name ?? by
}

/** The preview (what publishing would produce), the published version beside it, and what differs. */
async function noticePage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const controller = await controllerFor(deps, staffOf(request), (request.params as Params).controllerId)
  const preview = await noticeFromRegister(deps.pool, controller.id)
  const published = await currentPrivacyNotice(deps.pool, controller.id)
  const regulator = await readRegulator(deps.pool)
  // The same sections function and partial as the public page, so the preview is what the public will see.
  const sections = (content: typeof preview | null) =>
    noticePageSections(content, controller, regulator, deps.identityDocumentMaxDays)
  return page(
    deps,
    request,
    reply,
    'staff/governance/register/notice.njk',
    {
      pageTitle: text('register.notice.title'),
      controllerId: controller.id,
      controller,
      back: registerUrl(controller.id),
      previewSections: sections(preview),
      published: published
        ? { version: published.version, date: longDate(published.publishedAt), sections: sections(published.content) }
        : null,
      changes: noticeChanges(published?.content ?? null, preview),
      nextVersion: (published?.version ?? 0) + 1,
      changeSummary: str(request.body, 'changeSummary'),
      errors,
    },
    errors ? 422 : 200,
  )
}

async function dpoPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const controller = await controllerFor(deps, staffOf(request), (request.params as Params).controllerId)
  const dpo = await loadDpo(deps.pool, controller.id)
  const b = request.body
  return page(
    deps,
    request,
    reply,
    'staff/governance/register/dpo.njk',
    {
      pageTitle: text('register.dpoForm.title'),
      controllerId: controller.id,
      controller,
      back: registerUrl(controller.id),
      values: errors
        ? { name: str(b, 'name'), email: str(b, 'email'), postalAddress: str(b, 'postalAddress') }
        : { ...dpo, postalAddress: dpo.postalAddress.join('\n') },
      errors,
    },
    errors ? 422 : 200,
  )
}

/** Preview, publish (a numbered version with a change summary, shown on /privacy/:controllerId), history, DPO. */
export function registerNoticeRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/register/:controllerId/notice',
    access: 'register:manage',
    handler: (request, reply) => noticePage(deps, request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/register/:controllerId/publish',
    access: 'register:manage',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const controller = await controllerFor(deps, actor, (request.params as Params).controllerId)
      try {
        const version = await publishPrivacyNotice(deps, actor, controller.id, str(request.body, 'changeSummary'))
        return reply.redirect(`${REGISTER_BASE}/${controller.id}/history?published=${version}`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return noticePage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/register/:controllerId/history',
    access: 'register:manage',
    handler: async (request, reply) => {
      const controller = await controllerFor(deps, staffOf(request), (request.params as Params).controllerId)
      const published = await currentPrivacyNotice(deps.pool, controller.id)
      const directory = await userDirectory(deps.pool)
      const q = request.query as Record<string, unknown>
      const justPublished = typeof q.published === 'string' && /^\d+$/.test(q.published) ? q.published : null
      return page(deps, request, reply, 'staff/governance/register/history.njk', {
        pageTitle: text('register.historyPage.title'),
        controllerId: controller.id,
        controller,
        back: registerUrl(controller.id),
        banner: justPublished ? text('register.published', { version: justPublished }) : null,
        versions: (published?.history ?? []).map((h) => ({
          version: h.version,
          publishedAt: FORMAT.dateTime(h.publishedAt),
          publishedBy: publisherName(h.publishedBy, directory),
          summary: h.changeSummary,
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/register/:controllerId/dpo',
    access: 'register:manage',
    handler: (request, reply) => dpoPage(deps, request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/register/:controllerId/dpo',
    access: 'register:manage',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const controller = await controllerFor(deps, actor, (request.params as Params).controllerId)
      const b = request.body
      try {
        await saveDpo(deps, actor, controller.id, {
          name: str(b, 'name'),
          email: str(b, 'email'),
          postalAddress: lines(str(b, 'postalAddress')),
        })
        return reply.redirect(registerUrl(controller.id, 'dpo'), 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation') return dpoPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}
