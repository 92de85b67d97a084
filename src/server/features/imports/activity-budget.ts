/**
 * The budget an imported activity used: a budget activity (by name) allocated to the district in the activity's
 * fiscal year, and an amount in baht. Checked at the dry run as the activities feature checks it (a refusal inside
 * the commit would fail the whole batch), counting the file's earlier activities on the same item.
 */
import { and, eq, isNull, sum } from 'drizzle-orm';
import { ERRORS, type ErrorCode, fillTemplate } from '#shared/errors';
import { fiscalYearOf, formatBaht } from '#shared/thai/index';
import { can } from '../../access';
import { idIn } from '../../db/bulk';
import { activities, budgetItems } from '../../db/schema';
import { receivedByItem } from '../budget/allocations';
import type { ImportContext } from './importer';

type Problem = { code: ErrorCode; th: string; en: string };
const fail = (code: ErrorCode, params: Record<string, unknown> = {}): Problem => ({
  code,
  th: fillTemplate(ERRORS[code].th, params),
  en: fillTemplate(ERRORS[code].en, params),
});
const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export async function budgetChecker(ctx: ImportContext) {
  const items = await ctx.db.select().from(budgetItems).where(eq(budgetItems.level, 'activity'));
  const received = await receivedByItem(
    ctx.db,
    ctx.unitCode,
    items.map((i) => i.id),
  );
  const usedRows = await ctx.db
    .select({ itemId: activities.budgetItemId, used: sum(activities.budgetUsedSatang) })
    .from(activities)
    .where(
      and(
        eq(activities.orgUnitCode, ctx.unitCode),
        isNull(activities.deletedAt),
        idIn(activities.budgetItemId, items.length ? items.map((i) => i.id) : [0]),
      ),
    )
    .groupBy(activities.budgetItemId);
  const used = new Map(usedRows.map((r) => [r.itemId!, BigInt(r.used ?? 0)]));
  /** The item for an activity starting on `startsOn` using `satang`, or why not; a kept item counts the amount as used. */
  return (name: string, startsOn: string, satang: bigint): { itemId: number } | { problem: Problem } => {
    if (!can(ctx.actor, 'budget.read')) return { problem: fail('activity.budget_link_forbidden') };
    const year = fiscalYearOf(startsOn).fiscalYear;
    const named = items.filter((i) => norm(i.name) === norm(name) && (received.get(i.id) ?? 0n) > 0n);
    if (!named.length) return { problem: fail('activity.budget_not_reached') };
    const item = named.find((i) => i.fiscalYear === year);
    if (!item) return { problem: fail('activity.budget_year_mismatch', { itemYear: named[0].fiscalYear, year }) };
    const got = received.get(item.id) ?? 0n;
    const others = used.get(item.id) ?? 0n;
    if (others + satang > got)
      return { problem: fail('activity.budget_over_allocation', { received: formatBaht(got), used: formatBaht(others) }) };
    used.set(item.id, others + satang);
    return { itemId: item.id };
  };
}
