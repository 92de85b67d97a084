import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { AUDIT_UNIT_FIELDS, type AuditEntry, type auditQuery } from '#shared/audit';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import {
  activities,
  advanceRepayments,
  apiTokens,
  attachments,
  auditLog,
  budgetItems,
  cashAdvances,
  centerProfiles,
  certifications,
  committeeExceptions,
  committees,
  delegationOrders,
  developmentPlans,
  disbursements,
  expensePlans,
  fundingApplications,
  groups,
  lessons,
  meetingResolutions,
  meetings,
  needsAnalyses,
  orgUnits,
  outcomes,
  partners,
  people,
  planProjects,
  posts,
  producers,
  products,
  projectUpdates,
  quarterLocks,
  quarterlyReports,
  referrals,
  sales,
  serviceRequests,
  users,
  wisdomItems,
} from '../../db/schema';
import { fullNameSql } from '../people/people.service';

/** How each kind of record is known to people in the log: its name, title or document number. */
const SUBJECTS: Record<string, { table: PgTable; id: PgColumn; label: SQL<string>; join?: [PgTable, SQL] }> = {
  person: { table: people, id: people.id, label: fullNameSql },
  wisdom: { table: wisdomItems, id: wisdomItems.id, label: sql`${wisdomItems.title}` },
  group: { table: groups, id: groups.id, label: sql`${groups.name}` },
  producer: { table: producers, id: producers.id, label: sql`${producers.registrationNo}` },
  product: { table: products, id: products.id, label: sql`${products.name}` },
  certification: { table: certifications, id: certifications.id, label: sql`${certifications.certificateNo}` },
  attachment: { table: attachments, id: attachments.id, label: sql`${attachments.filename}` },
  budget_item: { table: budgetItems, id: budgetItems.id, label: sql`${budgetItems.name}` },
  expense_plan: {
    table: expensePlans,
    id: expensePlans.id,
    label: sql`${budgetItems.name}`,
    join: [budgetItems, sql`${budgetItems.id} = ${expensePlans.itemId}`],
  },
  disbursement: { table: disbursements, id: disbursements.id, label: sql`${disbursements.documentNo}` },
  advance: { table: cashAdvances, id: cashAdvances.id, label: sql`${cashAdvances.purpose}` },
  advance_repayment: {
    table: advanceRepayments,
    id: advanceRepayments.id,
    label: sql`${cashAdvances.purpose}`,
    join: [cashAdvances, sql`${cashAdvances.id} = ${advanceRepayments.advanceId}`],
  },
  delegation_order: { table: delegationOrders, id: delegationOrders.id, label: sql`'คำสั่งที่ ' || ${delegationOrders.orderNo}` },
  user: { table: users, id: users.id, label: sql`${users.displayName}` },
  api_token: { table: apiTokens, id: apiTokens.id, label: sql`${apiTokens.name}` },
  partner: { table: partners, id: partners.id, label: sql`${partners.name}` },
  activity: { table: activities, id: activities.id, label: sql`${activities.title}` },
  needs_analysis: {
    table: needsAnalyses,
    id: needsAnalyses.id,
    label: sql`${groups.name}`,
    join: [groups, sql`${groups.id} = ${needsAnalyses.groupId}`],
  },
  development_plan: { table: developmentPlans, id: developmentPlans.id, label: sql`${developmentPlans.title}` },
  plan_project: { table: planProjects, id: planProjects.id, label: sql`${planProjects.title}` },
  project_update: {
    table: projectUpdates,
    id: projectUpdates.id,
    label: sql`${planProjects.title}`,
    join: [planProjects, sql`${planProjects.id} = ${projectUpdates.projectId}`],
  },
  lesson: { table: lessons, id: lessons.id, label: sql`${lessons.fiscalYear}::text` },
  sale: {
    table: sales,
    id: sales.id,
    label: sql`coalesce((select g.name from ${groups} g where g.id = ${sales.groupId}),
      (select p.name from ${products} p where p.id = ${sales.productId})) || ' · ' || to_char(${sales.month}, 'YYYY-MM')`,
  },
  funding_application: {
    table: fundingApplications,
    id: fundingApplications.id,
    label: sql`${groups.name} || ' · ' || ${fundingApplications.purpose}`,
    join: [groups, sql`${groups.id} = ${fundingApplications.groupId}`],
  },
  outcome: {
    table: outcomes,
    id: outcomes.id,
    label: sql`${groups.name} || ' · ' || ${outcomes.description}`,
    join: [groups, sql`${groups.id} = ${outcomes.groupId}`],
  },
  service_request: { table: serviceRequests, id: serviceRequests.id, label: sql`${serviceRequests.referenceCode}` },
  referral: { table: referrals, id: referrals.id, label: sql`${referrals.reason}` },
  committee: { table: committees, id: committees.id, label: sql`'คำสั่งที่ ' || ${committees.orderNumber}` },
  committee_exception: {
    table: committeeExceptions,
    id: committeeExceptions.id,
    label: sql`'หนังสือที่ ' || ${committeeExceptions.letterNumber}`,
  },
  center_profile: { table: centerProfiles, id: centerProfiles.id, label: sql`${centerProfiles.officeAddress}` },
  meeting: {
    table: meetings,
    id: meetings.id,
    label: sql`'ครั้งที่ ' || ${meetings.number} || '/' || ${meetings.fiscalYear} || ' (' || ${meetings.heldOn} || ')'`,
  },
  meeting_resolution: { table: meetingResolutions, id: meetingResolutions.id, label: sql`${meetingResolutions.text}` },
  post: { table: posts, id: posts.id, label: sql`${posts.title}` },
  quarterly_report: {
    table: quarterlyReports,
    id: quarterlyReports.id,
    label: sql`${orgUnits.nameTh} || ' · ' || ${quarterlyReports.quarter} || '/' || ${quarterlyReports.fiscalYear}`,
    join: [orgUnits, sql`${orgUnits.code} = ${quarterlyReports.orgUnitCode}`],
  },
  quarter_lock: {
    table: quarterLocks,
    id: quarterLocks.id,
    label: sql`${orgUnits.nameTh} || ' · ' || ${quarterLocks.quarter} || '/' || ${quarterLocks.fiscalYear}`,
    join: [orgUnits, sql`${orgUnits.code} = ${quarterLocks.orgUnitCode}`],
  },
};

/** The subjects of one page of entries: one query per kind of record on the page. */
async function subjectsOf(db: Db, rows: { entity: string; entityId: string }[]): Promise<Map<string, string>> {
  const subjects = new Map<string, string>();
  const idsByEntity = new Map<string, number[]>();
  for (const r of rows) {
    if (!SUBJECTS[r.entity] || !/^\d{1,15}$/.test(r.entityId)) continue;
    idsByEntity.set(r.entity, [...(idsByEntity.get(r.entity) ?? []), Number(r.entityId)]);
  }
  for (const [entity, ids] of idsByEntity) {
    const { table, id, label, join } = SUBJECTS[entity];
    const base = db.select({ id, label }).from(table).$dynamic();
    const found = await (join ? base.innerJoin(join[0], join[1]) : base).where(idIn(id, ids));
    for (const f of found) if (f.label) subjects.set(`${entity}:${f.id}`, f.label);
  }
  return subjects;
}

/** The audit trail of the actor's scope, newest first. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof auditQuery>) {
  requirePermission(actor, 'audit.read');
  const conditions: (SQL | undefined)[] = [
    scopeFilter(actor, auditLog.orgUnitCode),
    query.unit ? underUnit(auditLog.orgUnitCode, query.unit) : undefined,
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actor ? sql`lower(${auditLog.actorUsername}) = lower(${query.actor})` : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    // Days are Thai calendar days: from 00:00 to 24:00 in Asia/Bangkok.
    query.from ? gte(auditLog.at, new Date(`${query.from}T00:00:00+07:00`)) : undefined,
    query.to ? lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000)) : undefined,
  ];
  const where = and(...conditions);
  const page = await readPage(
    db,
    {
      rows: db.select().from(auditLog).$dynamic(),
      table: auditLog,
      where,
      order: [{ by: auditLog.id, kind: 'int', of: (r) => r.id, desc: true }],
    },
    query,
  );
  const subjects = await subjectsOf(db, page.items);
  const unitCodesOf = (r: (typeof page.items)[number]) => [
    r.orgUnitCode,
    ...AUDIT_UNIT_FIELDS.flatMap((f) => [r.changes[f]?.before, r.changes[f]?.after]).filter(
      (c): c is string => typeof c === 'string',
    ),
  ];
  const codes = [...new Set(page.items.flatMap(unitCodesOf))];
  const unitNames = new Map(
    codes.length
      ? (await db.select().from(orgUnits).where(inArray(orgUnits.code, codes))).map(
          (u) => [u.code, { th: u.nameTh, en: u.nameEn }] as const,
        )
      : [],
  );
  const items: AuditEntry[] = page.items.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUsername: r.actorUsername,
    orgUnitCode: r.orgUnitCode,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    subject: subjects.get(`${r.entity}:${r.entityId}`) ?? null,
    changes: r.changes,
    units: Object.fromEntries(unitCodesOf(r).flatMap((c) => (unitNames.has(c) ? [[c, unitNames.get(c)!]] : []))),
    clientAddress: r.clientAddress,
  }));
  return { ...page, items };
}
