import type { Permission } from '../../src/domain/index.js'
import { GOVERNANCE_PERMISSIONS } from '../../src/web/staff/governance/sections.js'
import { DISCLOSURE_ROUTES } from './routes/disclosure.js'
import { RELEASE_ROUTES } from './routes/release.js'
import { DISCOVERY_ROUTES } from './routes/discovery.js'
import { REGISTER_ROUTES } from './routes/register.js'
import { REPORTS_ROUTES } from './routes/reports.js'
import { RETENTION_ROUTES } from './routes/retention.js'
import { TRAINING_ROUTES } from './routes/training.js'

/**
 * THE route table: who may use each staff and API route, by the domain's role table (rolePermissions). Adding a
 * route anywhere under /staff or /api without a line here fails test/route-matrix.int.test.ts. The e2e accessibility
 * crawl uses it too, to visit every staff page as someone allowed to see it.
 */
export type Rule = { public: true } | { pending: true } | { signedIn: true } | { any: Permission[] } | { docs: true }
const P = (...any: Permission[]): Rule => ({ any })
const ACTION_PERMS: Record<string, Permission> = {
  acknowledge: 'case:acknowledge',
  'request-identity': 'case:request-info',
  'request-authority': 'case:request-info',
  'verify-identity': 'case:verify-identity',
  'authority-received': 'case:verify-identity',
  'request-fee': 'case:charge-fee',
  'fee-paid': 'case:charge-fee',
  'request-clarification': 'case:request-info',
  'clarification-received': 'case:request-info',
  'clarification-declined': 'case:request-info',
  assign: 'case:assign',
  'start-work': 'case:work',
  extend: 'case:extend',
  refuse: 'case:refuse',
  redirect: 'case:redirect',
  approve: 'case:approve',
  'return-draft': 'case:approve',
  'complaint-outcome': 'complaint:handle',
  'regulator-enquiry': 'regulator:log',
  link: 'case:link',
  withdraw: 'case:withdraw',
  close: 'case:close',
  reopen: 'case:reopen',
}
export const TABLE: Record<string, Rule> = {
  'GET /staff': { public: true },
  'GET /staff/sign-in': { public: true },
  'POST /staff/sign-in': { public: true },
  'GET /staff/signed-out': { public: true },
  'GET /staff/sign-in/code': { pending: true },
  'POST /staff/sign-in/code': { pending: true },
  'GET /staff/sign-in/set-up': { pending: true },
  'POST /staff/sign-in/set-up': { pending: true },
  'POST /staff/sign-out': { signedIn: true },
  'GET /staff/account/password': { signedIn: true },
  'POST /staff/account/password': { signedIn: true },
  'GET /staff/cases': P('case:view'),
  'GET /staff/cases/export.csv': P('case:view'),
  'GET /staff/cases/new': P('case:log'),
  'POST /staff/cases/new': P('case:log'),
  'GET /staff/cases/:id': P('case:view'),
  'GET /staff/cases/:id/documents/:documentId': P('case:view'),
  'GET /staff/cases/:id/documents/new': P('case:work', 'case:log'),
  'POST /staff/cases/:id/documents': P('case:work', 'case:log'),
  'GET /staff/cases/:id/log-related': P('case:log'),
  'POST /staff/cases/:id/log-related': P('case:log'),
  'GET /staff/cases/:id/message': P('case:request-info'),
  'POST /staff/cases/:id/message': P('case:request-info'),
  'GET /staff/cases/:id/decide-appeal': P('review:decide'),
  'POST /staff/cases/:id/decide-appeal': P('review:decide'),
  'GET /staff/cases/:id/draft': P('case:draft'),
  'POST /staff/cases/:id/draft': P('case:draft'),
  'GET /staff/cases/:id/letters/:letterId': P('case:view'),
  'POST /staff/cases/:id/letters/:letterId': P('case:draft'),
  'GET /staff/cases/:id/letters/:letterId/pdf': P('case:view'),
  'GET /staff/cases/:id/review': P('case:approve'),
  'GET /staff/cases/:id/send': P('case:send-response'),
  'POST /staff/cases/:id/send': P('case:send-response'),
  'GET /staff/cases/:id/release-password': P('case:send-response'),
  'POST /staff/cases/:id/release-password': P('case:send-response'),
  'GET /staff/cases/:id/tasks/new': P('task:assign'),
  'POST /staff/cases/:id/tasks/new': P('task:assign'),
  'GET /staff/tasks': P('task:answer', 'task:assign'),
  'GET /staff/tasks/:taskId': P('task:answer', 'task:assign'),
  'POST /staff/tasks/:taskId': P('task:answer'),
  'GET /staff/governance': P(...GOVERNANCE_PERMISSIONS),
  ...REPORTS_ROUTES,
  ...RETENTION_ROUTES,
  ...TRAINING_ROUTES,
  ...REGISTER_ROUTES,
  ...DISCLOSURE_ROUTES,
  ...RELEASE_ROUTES,
  ...DISCOVERY_ROUTES,
  'GET /staff/admin': P('user:admin'),
  'GET /staff/admin/users/new': P('user:admin'),
  'POST /staff/admin/users/new': P('user:admin'),
  'GET /staff/admin/users/:userId': P('user:admin'),
  'POST /staff/admin/users/:userId': P('user:admin'),
  'POST /staff/admin/users/:userId/reset-password': P('user:admin'),
  'POST /staff/admin/users/:userId/unlock': P('user:admin'),
  'POST /staff/admin/users/:userId/reset-two-factor': P('user:admin'),
  'GET /staff/admin/settings': P('settings:admin'),
  'POST /staff/admin/settings': P('settings:admin'),
  'GET /staff/admin/outbox': P('settings:admin'),
  'GET /staff/admin/outbox/:file': P('settings:admin'),
  ...Object.fromEntries(
    Object.entries(ACTION_PERMS).flatMap(([slug, p]) => [
      [`GET /staff/cases/:id/${slug}`, P(p)],
      [`POST /staff/cases/:id/${slug}`, P(p)],
    ]),
  ),
  'GET /api/docs': { docs: true },
  'GET /api/docs/': { docs: true },
  'GET /api/docs/*': { docs: true },
  'GET /api/docs/json': { docs: true },
  'GET /api/docs/yaml': { docs: true },
  'GET /api/docs/static/index.html': { docs: true },
  'GET /api/docs/static/swagger-initializer.js': { docs: true },
  'GET /api/v1/cases': P('case:view'),
  'POST /api/v1/cases': P('case:log'),
  'GET /api/v1/cases/:idOrReference|:id': P('case:view'),
  // The command sent is Acknowledge, so the permission is its own (domain: permissionForCommand).
  'POST /api/v1/cases/:idOrReference|:id/commands': P('case:acknowledge'),
  'GET /api/v1/audit/verify': P('audit:verify'),
}
