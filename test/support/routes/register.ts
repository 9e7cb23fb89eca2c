import type { Rule } from '../route-table.js'

const MANAGE: Rule = { any: ['register:manage'] }

/** Route-matrix rules for the register and consent pages (issue 6); spread into TABLE in ../route-table.ts. */
export const REGISTER_ROUTES: Record<string, Rule> = {
  'GET /staff/governance/register': MANAGE,
  'GET /staff/governance/register/:controllerId/activities/new': MANAGE,
  'POST /staff/governance/register/:controllerId/activities/new': MANAGE,
  'GET /staff/governance/register/:controllerId/activities/:activityId': MANAGE,
  'POST /staff/governance/register/:controllerId/activities/:activityId': MANAGE,
  'GET /staff/governance/register/:controllerId/notice': MANAGE,
  'POST /staff/governance/register/:controllerId/publish': MANAGE,
  'GET /staff/governance/register/:controllerId/history': MANAGE,
  'GET /staff/governance/register/:controllerId/dpo': MANAGE,
  'POST /staff/governance/register/:controllerId/dpo': MANAGE,
  'GET /staff/governance/consents': MANAGE,
  'GET /staff/governance/consents/new': MANAGE,
  'POST /staff/governance/consents/new': MANAGE,
  'GET /staff/governance/consents/:consentId/withdraw': MANAGE,
  'POST /staff/governance/consents/:consentId/withdraw': MANAGE,
}
