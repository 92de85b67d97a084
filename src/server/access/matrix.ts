/**
 * The declared authorization matrix: for every API operation, what each caller gets on a record of its own unit
 * and on a record of another unit. Decided from ROLE_PERMISSIONS (src/shared/access.ts) and the scope rules of
 * DESIGN.md: a district reads and writes its own district; a province reads its districts and writes province
 * records (allocations, approvals); the nation reads all; committee members read their center.
 * authorization-matrix.test.ts calls each cell and fails on any difference, or on an operation missing here.
 *
 * Callers and their units (own / other), see `targets` in the test:
 *   admin      demo-admin       national_admin    TH    3401 / a district of another province
 *   province   demo-province    province_officer  34    3401 / a district of another province
 *   district   demo-district    district_officer  3401  3401 / 3415
 *   committee  demo-committee   committee_member  3401  3401 / 3415
 *   district2  demo-district-2  district_officer  3415  3415 / 3401
 *   anon       signed out                               3401 / 3415
 * Operations on an allocating unit's register (allocations, register, letter, submissions, deadline) aim at the
 * province of the target district: a district never sees a province's register.
 */
import type { Caller } from '../test/matrix-requests';

/** 'ok' (2xx), '401' signed out, '403' missing permission or out-of-scope write, '404' out-of-scope record. */
export type Outcome = 'ok' | '401' | '403' | '404';
/** "own/other": the outcome on a record of the caller's unit, then on one of another unit; one value when both agree. */
export type Cell = Outcome | `${Outcome}/${Outcome}`;

const row = (admin: Cell, province: Cell, district: Cell, committee: Cell, district2: Cell, anon: Cell = '401') => ({
  admin,
  province,
  district,
  committee,
  district2,
  anon,
});

/** Operations not aimed at any unit's record: called once per caller. */
export const UNIT_FREE = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
  'GET /api/org-units',
  'GET /api/code-lists/{list}',
  'GET /api/tasks',
  'GET /api/budget/items',
  'POST /api/budget/items',
  'GET /api/advances/rules',
  'GET /api/pdpa/retention',
  'PUT /api/pdpa/retention/{recordType}',
  'GET /api/settings/documents',
  'GET /api/settings/emblem',
  'PUT /api/settings/emblem',
  'GET /api/settings/meeting-quorum',
  'PUT /api/settings/meeting-quorum',
  'GET /api/imports/{kind}/template',
  'POST /api/imports/{kind}',
  'GET /api/imports/batches',
]);

// A list filtered to a unit outside the caller's scope answers an empty page ('ok'); the test checks that no
// answer names a unit outside the scope. A single record outside the scope is not found (404).
// biome-ignore format: a table reads best aligned
export const MATRIX: Record<string, Record<Caller, Cell>> = {
  //                                           admin     province   district   committee  district2  anon
  'GET /api/health':                       row('ok',     'ok',      'ok',      'ok',      'ok',      'ok'),
  'POST /api/auth/login':                  row('ok',     'ok',      'ok',      'ok',      'ok',      'ok'),
  'POST /api/auth/logout':                 row('ok',     'ok',      'ok',      'ok',      'ok',      'ok'),
  'GET /api/auth/me':                      row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/auth/password':               row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/org-units':                    row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/org-units/{code}':             row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/code-lists/{list}':            row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/tasks':                        row('ok',     'ok',      'ok',      'ok',      'ok'),
  // users: managers give out roles below them inside their scope; committee members manage nobody
  'GET /api/users':                        row('ok',     'ok',      'ok',      '403',     'ok'),
  'POST /api/users':                       row('ok',     'ok/403',  'ok/403',  '403',     'ok/403'),
  'GET /api/users/{id}':                   row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'PATCH /api/users/{id}':                 row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'POST /api/users/{id}/password':         row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'GET /api/audit':                        row('ok',     'ok',      'ok',      '403',     'ok'),
  // API tokens (decision 038): made and revoked by those who give out viewer accounts, inside their scope
  'GET /api/tokens':                       row('ok',     'ok',      '403',     '403',     '403'),
  'POST /api/tokens':                      row('ok',     'ok/403',  '403',     '403',     '403'),
  'POST /api/tokens/{id}/revoke':          row('ok',     'ok/404',  '403',     '403',     '403'),
  // the pipeline: written by the district only, read by everyone above it and by its committee
  'GET /api/people':                       row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/people':                      row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/people/{id}':                  row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/people/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/people/{id}/citizen-id':       row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/people/{id}/merge':           row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // PDPA requests: the district officers of the person's district and the national admin (docs/pdpa.md)
  'GET /api/people/{id}/personal-data':     row('ok',     '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/people/{id}/personal-data.pdf': row('ok',     '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/people/{id}/history':           row('ok',     '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/people/{id}/erase':            row('ok',     '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/pdpa/retention':                row('ok',     'ok',      'ok',      '403',     'ok'),
  'PUT /api/pdpa/retention/{recordType}':   row('ok',     '403',     '403',     '403',     '403'),
  'GET /api/wisdom':                       row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/wisdom':                      row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/wisdom/{id}':                  row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/wisdom/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/wisdom/{id}':               row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/wisdom/{id}/attachments':     row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/attachments/{id}':             row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/attachments/{id}/thumbnail':   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/groups':                       row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/groups':                      row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/groups/{id}':                  row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/groups/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/groups/{id}/stage':           row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/producers':                    row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/producers':                   row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/producers/{id}':               row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/producers/{id}':             row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/products':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  // a product names its producer, not a unit: another district's producer is not found
  'POST /api/products':                    row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/products/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/products/{id}':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/products/{id}/attachments':   row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/certifications':               row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/certifications':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/certifications/{id}':          row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/certifications/{id}':        row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // partners and outreach trips: the district's own records, read above it and by its committee
  'GET /api/partners':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/partners':                    row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/partners/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/partners/{id}':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/partners/{id}':             row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/outreach-trips':               row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/outreach-trips':              row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/outreach-trips/{id}':          row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/outreach-trips/{id}':        row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // services: a committee member records those they gave and changes those they recorded (the request it
  // sends names itself as a giver and aims at its own record; another's record is refused, see services.test.ts)
  'GET /api/services':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/services':                    row('403',    '403',     'ok/403',  'ok/403',  'ok/403'),
  'GET /api/services/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/services/{id}':              row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'DELETE /api/services/{id}':             row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  // activities: recorded like services (a committee member's request aims at its own record); the budget link's
  // choices are budget data, which the committee does not read
  'GET /api/activities':                   row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/activities/budget-items':      row('ok',     'ok/403',  'ok/403',  '403',     'ok/403'),
  'POST /api/activities':                  row('403',    '403',     'ok/403',  'ok/403',  'ok/403'),
  'GET /api/activities/{id}':              row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/activities/{id}':            row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'DELETE /api/activities/{id}':           row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'PUT /api/activities/{id}/sales':        row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  // needs analyses, development plans and lessons learned: the district's own work, read above it and by its committee
  'GET /api/needs':                        row('ok',     'ok',      'ok',      'ok',      'ok'),
  // an analysis names its group, not a unit: another district's group is not found
  'POST /api/needs':                       row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/needs/{id}':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/needs/{id}':                 row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/needs/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/plans':                        row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/plans':                       row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/plans/{id}':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/plans/{id}':                 row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/plans/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/plans/{id}/projects':         row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/plan-projects':                row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/plan-projects/{id}':           row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/plan-projects/{id}':         row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/plan-projects/{id}':        row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/plan-projects/{id}/updates':  row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/lessons':                      row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/lessons':                     row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/lessons/{id}':                 row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/lessons/{id}':               row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/lessons/{id}':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // sales and funding: the district's records of its groups, read above it and by its committee
  'GET /api/sales':                        row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/sales/summary':                row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/sales':                       row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/sales/{id}':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/sales/{id}':                 row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/sales/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/funding':                      row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/funding':                     row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/funding/{id}':                 row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/funding/{id}':               row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/funding/{id}':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/funding/{id}/decision':       row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // outcomes: recorded like services (a committee member changes its own), verified by another district officer
  'GET /api/outcomes':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/outcomes':                    row('403',    '403',     'ok/403',  'ok/403',  'ok/403'),
  'GET /api/outcomes/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/outcomes/{id}':              row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'DELETE /api/outcomes/{id}':             row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'POST /api/outcomes/{id}/attachments':   row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'POST /api/outcomes/{id}/verify':        row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/outcomes/{id}/unverify':      row('403',    '403',     'ok/404',  '403',     'ok/404'),
  // committee meetings and publicity: written by the district; its officers print the papers on their register
  'GET /api/meetings':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/meetings/members':             row('ok',     'ok/403',  'ok/403',  'ok/403',  'ok/403'),
  'GET /api/meetings/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'POST /api/meetings':                    row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'PATCH /api/meetings/{id}':              row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/meetings/{id}/cancel':        row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/meetings/{id}':             row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/meetings/{id}/minutes':       row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/meetings/{id}/invitation.pdf': row('ok',    '403/404', 'ok/404',  '403',     'ok/404'),
  'POST /api/meetings/{id}/minutes.pdf':   row('ok',     '403/404', 'ok/404',  '403',     'ok/404'),
  'GET /api/resolutions':                  row('ok',     'ok',      'ok',      'ok',      'ok'),
  'PATCH /api/resolutions/{id}':           row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/settings/meeting-quorum':      row('ok',     'ok',      'ok',      'ok',      'ok'),
  'PUT /api/settings/meeting-quorum':      row('ok',     '403',     '403',     '403',     '403'),
  'GET /api/posts':                        row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/posts/{id}':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'POST /api/posts':                       row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'PATCH /api/posts/{id}':                 row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/posts/{id}':                row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/posts/{id}/attachments':      row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/posts/{id}/attachments/{attachmentId}': row('403', '403', 'ok/404', '403',  'ok/404'),
  // quarterly reports: the district writes and submits its own; its province (or the nation) reviews and locks quarters
  'GET /api/reports':                      row('ok',     'ok',      'ok',      'ok',      'ok'),
  'GET /api/reports/summary':              row('ok',     'ok/403',  'ok/403',  'ok/403',  'ok/403'),
  'POST /api/reports':                     row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/reports/{id}':                 row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/reports/{id}/report.pdf':      row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/reports/{id}/report.xlsx':     row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/reports/{id}':               row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/reports/{id}/submit':         row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/reports/{id}/review':         row('ok',     'ok/404',  '403',     '403',     '403'),
  'GET /api/workplan':                     row('ok',     'ok/403',  'ok/403',  'ok/403',  'ok/403'),
  'GET /api/quarter-locks':                row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/quarter-locks':               row('ok',     'ok/403',  '403',     '403',     '403'),
  'POST /api/quarter-locks/{id}/unlock':   row('ok',     'ok/404',  '403',     '403',     '403'),
  // service requests and referrals: the district's officers and committee record them; above it, read only
  'GET /api/requests':                     row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/requests':                    row('403',    '403',     'ok/403',  'ok/403',  'ok/403'),
  'GET /api/requests/{id}':                row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/requests/{id}':              row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'POST /api/requests/{id}/status':        row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'GET /api/referrals':                    row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/referrals':                   row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'GET /api/referrals/{id}':               row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/referrals/{id}':             row('403',    '403',     'ok/404',  'ok/404',  'ok/404'),
  'GET /api/pipeline':                     row('ok',     'ok/403',  'ok/403',  'ok/403',  'ok/403'),
  // dashboards: another unit's dashboard is not found, as its records are
  'GET /api/dashboards':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/dashboards.xlsx':              row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/dashboards.pdf':               row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/worklog':                      row('ok',     'ok/403',  'ok/403',  'ok/403',  'ok/403'),
  'GET /api/indicators':                   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/indicators/summary':           row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/indicators/matrix':            row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/indicators/records':           row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  // budget: the nation plans and allocates to provinces, a province allocates to its districts
  'GET /api/budget/items':                 row('ok',     'ok',      'ok',      '403',     'ok'),
  'POST /api/budget/items':                row('ok',     '403',     '403',     '403',     '403'),
  'GET /api/budget/items/{id}/allocations':row('ok',     'ok/403',  '403',     '403',     '403'),
  'POST /api/budget/allocations':          row('ok',     'ok/403',  '403',     '403',     '403'),
  'POST /api/budget/allocations/{id}/reverse': row('ok', 'ok/404',  '403',     '403',     '403'),
  'GET /api/budget/items/{id}/register':   row('ok',     'ok/403',  '403',     '403',     '403'),
  'GET /api/budget/items/{id}/register.pdf': row('ok',   'ok/403',  '403',     '403',     '403'),
  'GET /api/budget/items/{id}/register.xlsx': row('ok',  'ok/403',  '403',     '403',     '403'),
  'GET /api/budget/items/{id}/letter':     row('ok',     'ok/403',  '403',     '403',     '403'),
  'POST /api/budget/items/{id}/letter.pdf': row('ok',    'ok/403',  '403',     '403',     '403'),
  // outgoing documents: every office keeps its own register and letterhead; the department uploads the emblem
  'GET /api/outgoing-documents':           row('ok',     'ok',      'ok',      '403',     'ok'),
  'GET /api/offices/{code}/letterhead':    row('ok',     'ok/403',  'ok/403',  '403',     'ok/403'),
  'PUT /api/offices/{code}/letterhead':    row('ok',     '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/settings/documents':           row('ok',     'ok',      'ok',      '403',     'ok'),
  'GET /api/settings/emblem':              row('ok',     'ok',      'ok',      '403',     'ok'),
  'PUT /api/settings/emblem':              row('ok',     '403',     '403',     '403',     '403'),
  'GET /api/budget/items/{id}/spending':   row('ok',     'ok/403',  'ok/403',  '403',     'ok/403'),
  // the roll-up: another unit's looks like no unit, as its dashboard does
  'GET /api/spending/rollup':             row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  // a unit pays for itself: the district, never the province on its behalf
  'POST /api/disbursements':               row('403',    '403',     'ok/403',  '403',     'ok/403'),
  // approving or rejecting rests on a delegation order naming the caller (the test gives each officer one)
  'POST /api/disbursements/{id}/approve':  row('403',    'ok/404',  'ok/404',  '403',     'ok/404'),
  'POST /api/disbursements/{id}/reject':   row('403',    'ok/404',  'ok/404',  '403',     'ok/404'),
  // expense details: the district writes and submits, its province sets the deadline and reviews
  'GET /api/budget/items/{id}/expense-plan': row('ok',   'ok/403',  'ok/403',  '403',     'ok/403'),
  'GET /api/budget/items/{id}/submissions': row('ok',    'ok/403',  '403',     '403',     '403'),
  'PUT /api/budget/items/{id}/deadline':   row('403',    'ok/403',  '403',     '403',     '403'),
  'PUT /api/expense-plans':                row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/expense-plans/{id}':           row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'GET /api/expense-plans/{id}.pdf':       row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'POST /api/expense-plans/{id}/submit':   row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'POST /api/expense-plans/{id}/return':   row('403',    'ok/404',  '403',     '403',     '403'),
  'POST /api/expense-plans/{id}/approve':  row('403',    'ok/404',  '403',     '403',     '403'),
  // cash advances: a district's advance is the district's record; it is approved or rejected by whoever a delegation
  // order in force names (here an order naming the caller), never by the one who asked
  'GET /api/advances':                     row('ok',     'ok',      'ok',      '403',     'ok'),
  'POST /api/advances':                    row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/advances/rules':               row('ok',     'ok',      'ok',      '403',     'ok'),
  'GET /api/advances/borrowers':           row('403',    'ok/403',  'ok/403',  '403',     'ok/403'),
  'POST /api/advances/{id}/approve':       row('403',    'ok/404',  'ok/404',  '403',     'ok/404'),
  'POST /api/advances/{id}/reject':        row('403',    'ok/404',  'ok/404',  '403',     'ok/404'),
  'GET /api/advances/{id}':                row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'GET /api/advances/{id}/contract.pdf':   row('ok',     'ok/404',  'ok/404',  '403',     'ok/404'),
  'POST /api/advances/{id}/repayments':    row('403',    '403/404', 'ok/404',  '403',     'ok/404'),
  // delegation orders: a province records its governor's orders (a chief, not a matrix caller, its acting orders)
  'GET /api/delegation-orders':                    row('ok',  'ok',      'ok',  '403', 'ok'),
  'GET /api/delegation-orders/authorities':        row('403', 'ok',      'ok',  '403', 'ok'),
  'POST /api/delegation-orders':                   row('ok',  'ok/403',  '403', '403', '403'),
  'POST /api/delegation-orders/{id}/revoke':       row('ok',  'ok/404',  '403', '403', '403'),
  // committee terms and the center profile: the district's own records, read above it and by its committee; only
  // the department records and revokes the legacy-mechanism exception
  'GET /api/committees':                   row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/committees':                  row('403',    '403',     'ok/403',  '403',     'ok/403'),
  'GET /api/committees/{id}':              row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PATCH /api/committees/{id}':            row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'DELETE /api/committees/{id}':           row('403',    '403',     'ok/404',  '403',     'ok/404'),
  'GET /api/committees/{id}/order.pdf':    row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'GET /api/committee-exceptions':         row('ok',     'ok',      'ok',      'ok',      'ok'),
  'POST /api/committee-exceptions':        row('ok',     '403',     '403',     '403',     '403'),
  'DELETE /api/committee-exceptions/{id}': row('ok',     '403',     '403',     '403',     '403'),
  'GET /api/center-profiles/{unitCode}':   row('ok',     'ok/404',  'ok/404',  'ok/404',  'ok/404'),
  'PUT /api/center-profiles/{unitCode}':   row('403',    '403',     'ok/403',  '403',     'ok/403'),
  // imports (#14): always into the caller's own unit, so upload and template are unit-free; a batch (its rows hold
  // citizen IDs as typed) is seen only by holders of its importer's permission (producers: pipeline.write) in scope
  'GET /api/imports/{kind}/template':            row('403', '403',     'ok',      '403',     'ok'),
  'POST /api/imports/{kind}':                    row('403', '403',     'ok',      '403',     'ok'),
  'GET /api/imports/batches':                    row('ok',  'ok',      'ok',      '403',     'ok'),
  'GET /api/imports/batches/{id}':               row('403', '403/404', 'ok/404',  '403',     'ok/404'),
  'POST /api/imports/batches/{id}/commit':       row('403', '403/404', 'ok/404',  '403',     'ok/404'),
  'POST /api/imports/batches/{id}/rollback':     row('403', '403/404', 'ok/404',  '403',     'ok/404'),
  'GET /api/imports/batches/{id}/rejected.xlsx': row('403', '403/404', 'ok/404',  '403',     'ok/404'),
  // a job is read in its unit's scope (progress and counts only)
  'GET /api/jobs/{id}':                          row('ok',  'ok/404',  'ok/404',  'ok/404',  'ok/404'),
};

/** Lists with an XLSX and a CSV export beside them (#14): each export answers exactly as its list does. */
export const EXPORTED_LISTS = [
  '/api/people',
  '/api/wisdom',
  '/api/groups',
  '/api/producers',
  '/api/products',
  '/api/certifications',
  '/api/services',
  '/api/outreach-trips',
  '/api/activities',
  '/api/requests',
  '/api/referrals',
  '/api/sales',
  '/api/funding',
  '/api/outcomes',
  '/api/needs',
  '/api/partners',
  '/api/lessons',
  '/api/posts',
  '/api/committees',
  '/api/committee-exceptions',
  '/api/meetings',
  '/api/resolutions',
  '/api/plans',
  '/api/plan-projects',
  '/api/advances',
  '/api/reports',
  '/api/users',
  '/api/audit',
  '/api/worklog',
  '/api/budget/items',
  '/api/budget/items/{id}/allocations',
  '/api/budget/items/{id}/spending',
  '/api/budget/items/{id}/submissions',
  '/api/spending/rollup',
  '/api/delegation-orders',
  '/api/outgoing-documents',
  '/api/quarter-locks',
  '/api/reports/summary',
  '/api/org-units',
] as const;
for (const list of EXPORTED_LISTS)
  for (const format of ['xlsx', 'csv']) {
    MATRIX[`GET ${list}/export.${format}`] = MATRIX[`GET ${list}`];
    if (UNIT_FREE.has(`GET ${list}`)) UNIT_FREE.add(`GET ${list}/export.${format}`);
  }

/**
 * Cells where the server today differs from MATRIX: the lead fixes the service, then removes the entry.
 * The test passes on these (printing them) only while the server answers exactly `got`.
 */
export const KNOWN_DEFECTS: Record<string, { got: Outcome; why: string }> = {};
