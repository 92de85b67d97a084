/**
 * A market event's takings, one row per group per day. The grid is saved whole: the rows sent replace the event's
 * rows, at the activity's version (two people editing one grid cannot overwrite each other), in one transaction
 * that also moves the stage of every group that gained or lost sales.
 */
import { and, eq, isNull, sum } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityBudgetItem, ActivityDetail, activityBudgetItemsQuery, saveEventSalesBody } from '#shared/activities';
import { type Actor, requireInScope, requirePermission, requireServiceAuthor, requireServiceRecorder } from '../../access';
import { updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { findVisible } from '../../db/records';
import { activities, activityGroups, budgetItems, eventSales, groups } from '../../db/schema';
import { AppError } from '../../errors';
import { receivedByItem } from '../budget/allocations';
import { ACTIVITY, getActivity, refreshStages, salesOf } from './activities.service';

type SaleRow = { groupId: number; saleDate: string; quantity?: number | null; amountSatang: string };

/** The rows as the audit log keeps them, with their total (shown in baht). */
const salesAudit = (rows: SaleRow[]) => ({
  sales: [...rows]
    .sort((a, b) => a.saleDate.localeCompare(b.saleDate) || a.groupId - b.groupId)
    .map((r) => ({ groupId: r.groupId, saleDate: r.saleDate, quantity: r.quantity ?? null, amountSatang: r.amountSatang })),
  salesTotalSatang: String(rows.reduce((total, r) => total + BigInt(r.amountSatang), 0n)),
});

export async function saveEventSales(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof saveEventSalesBody>,
): Promise<ActivityDetail> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const activity = await findVisible(tx, actor, activities, id, ACTIVITY.notFound);
    requireServiceAuthor(actor, activity);
    if (activity.kind !== 'market_event') throw new AppError('activity.not_market_event');
    const taking = await tx
      .select({ id: groups.id, name: groups.name })
      .from(activityGroups)
      .innerJoin(groups, eq(groups.id, activityGroups.groupId))
      .where(eq(activityGroups.activityId, id));
    const today = thaiToday();
    for (const row of body.rows) {
      if (!taking.some((g) => g.id === row.groupId))
        throw new AppError('activity.group_not_taking_part', { params: { group: row.groupId } });
      const name = taking.find((g) => g.id === row.groupId)!.name;
      if (row.saleDate < activity.startsOn || row.saleDate > activity.endsOn)
        throw new AppError('activity.sale_day_outside', { params: { day: row.saleDate, group: name } });
      if (row.saleDate > today) throw new AppError('activity.sale_in_future', { params: { day: row.saleDate } });
    }
    const before = await salesOf(tx, id);
    await updateRecord(
      tx,
      actor,
      activities,
      ACTIVITY,
      id,
      body.version,
      {},
      { action: 'record_sales', before: salesAudit(before), after: salesAudit(body.rows) },
    );
    await tx.delete(eventSales).where(eq(eventSales.activityId, id));
    if (body.rows.length)
      await tx.insert(eventSales).values(
        body.rows.map((r) => ({
          activityId: id,
          groupId: r.groupId,
          saleDate: r.saleDate,
          quantity: r.quantity ?? null,
          amountSatang: BigInt(r.amountSatang),
        })),
      );
    await refreshStages(
      tx,
      actor,
      [...before, ...body.rows].map((r) => r.groupId),
      activity.startsOn,
    );
  });
  return getActivity(db, actor, id);
}

/**
 * The budget activities of a fiscal year allocated to a district, with what its activities already used of each:
 * the choices of the activity form's budget link.
 */
export async function activityBudgetItems(
  db: Db,
  actor: Actor,
  query: z.infer<typeof activityBudgetItemsQuery>,
): Promise<ActivityBudgetItem[]> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, query.unit);
  const items = await db
    .select()
    .from(budgetItems)
    .where(and(eq(budgetItems.fiscalYear, query.fiscalYear), eq(budgetItems.level, 'activity')))
    .orderBy(budgetItems.id);
  const received = await receivedByItem(
    db,
    query.unit,
    items.map((i) => i.id),
  );
  const reached = items.filter((i) => (received.get(i.id) ?? 0n) > 0n);
  if (!reached.length) return [];
  const used = await db
    .select({ itemId: activities.budgetItemId, used: sum(activities.budgetUsedSatang) })
    .from(activities)
    .where(
      and(
        idIn(
          activities.budgetItemId,
          reached.map((i) => i.id),
        ),
        eq(activities.orgUnitCode, query.unit),
        isNull(activities.deletedAt),
      ),
    )
    .groupBy(activities.budgetItemId);
  return reached.map((i) => ({
    id: i.id,
    name: i.name,
    fiscalYear: i.fiscalYear,
    receivedSatang: String(received.get(i.id)),
    usedSatang: String(used.find((u) => u.itemId === i.id)?.used ?? 0),
  }));
}
