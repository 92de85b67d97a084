import { and, count, eq, gte, isNull, lt, lte, min } from 'drizzle-orm';
import { SERVICE_RECORDERS } from '#shared/access';
import { EXPIRING_DAYS } from '#shared/certifications';
import type { Task } from '#shared/tasks';
import { addDays } from '#shared/thai/index';
import { type Actor, can, scopeFilter } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { cashAdvances, certifications, expensePlans } from '../../db/schema';
import { advancesToApprove } from '../advances/advances.service';
import { resolutionsDue } from '../meetings/resolutions.service';
import { outcomesToVerify } from '../outcomes/outcomes.service';
import { referralsWithoutResult } from '../requests/referrals.service';
import { newRequestsWaiting } from '../requests/requests.service';
import { overdueFollowUps } from '../services/services.service';
import { paymentsToApprove } from '../spending/spending.service';

/** "My tasks": reminders for what needs doing soon in the actor's scope; only non-empty ones are returned. */
export async function tasksOf(db: Db, actor: Actor): Promise<Task[]> {
  const today = thaiToday();
  const soon = addDays(today, EXPIRING_DAYS);
  const tasks: Task[] = [];
  const [mine] = await db
    .select({ dueOn: min(cashAdvances.dueOn) })
    .from(cashAdvances)
    .where(and(eq(cashAdvances.borrowerId, actor.userId), eq(cashAdvances.status, 'open')));
  if (mine?.dueOn) tasks.push({ kind: 'my_advance_due', count: 1, dueOn: mine.dueOn });
  if (can(actor, 'advances.read')) {
    const [overdue] = await db
      .select({ n: count(), dueOn: min(cashAdvances.dueOn) })
      .from(cashAdvances)
      .where(and(eq(cashAdvances.status, 'open'), lt(cashAdvances.dueOn, today), scopeFilter(actor, cashAdvances.orgUnitCode)));
    if (overdue.n) tasks.push({ kind: 'advances_overdue', count: overdue.n, dueOn: overdue.dueOn });
  }
  if (can(actor, 'budget.approve')) {
    const waiting = await advancesToApprove(db, actor);
    if (waiting) tasks.push({ kind: 'advances_to_approve', count: waiting, dueOn: null });
    const payments = await paymentsToApprove(db, actor);
    if (payments) tasks.push({ kind: 'payments_to_approve', count: payments, dueOn: null });
  }
  if (can(actor, 'expenses.write')) {
    const [returned] = await db
      .select({ n: count() })
      .from(expensePlans)
      .where(and(eq(expensePlans.status, 'returned'), scopeFilter(actor, expensePlans.orgUnitCode)));
    if (returned.n) tasks.push({ kind: 'expense_plans_returned', count: returned.n, dueOn: null });
  }
  if (can(actor, 'expenses.review')) {
    const [waiting] = await db
      .select({ n: count() })
      .from(expensePlans)
      .where(and(eq(expensePlans.status, 'submitted'), scopeFilter(actor, expensePlans.orgUnitCode)));
    if (waiting.n) tasks.push({ kind: 'expense_plans_to_review', count: waiting.n, dueOn: null });
  }
  if (can(actor, 'pipeline.read')) {
    const [expiring] = await db
      .select({ n: count(), dueOn: min(certifications.expiresOn) })
      .from(certifications)
      .where(
        and(
          isNull(certifications.deletedAt),
          gte(certifications.expiresOn, today),
          lte(certifications.expiresOn, soon),
          scopeFilter(actor, certifications.orgUnitCode),
        ),
      );
    if (expiring.n) tasks.push({ kind: 'certifications_expiring', count: expiring.n, dueOn: expiring.dueOn });
  }
  if (SERVICE_RECORDERS.includes(actor.role)) {
    // Officers follow up their district's services; a committee member those they gave.
    const late = await overdueFollowUps(db, actor, today, can(actor, 'pipeline.write') ? undefined : actor.userId);
    if (late.n) tasks.push({ kind: 'service_follow_ups_overdue', count: late.n, dueOn: late.dueOn });
    const { recorded, portal } = await newRequestsWaiting(db, actor);
    if (portal.n) tasks.push({ kind: 'portal_requests_waiting', count: portal.n, dueOn: portal.dueOn });
    if (recorded.n) tasks.push({ kind: 'requests_waiting', count: recorded.n, dueOn: recorded.dueOn });
    const unanswered = await referralsWithoutResult(db, actor, today);
    if (unanswered.n) tasks.push({ kind: 'referrals_without_result', count: unanswered.n, dueOn: unanswered.dueOn });
  }
  if (can(actor, 'pipeline.write')) {
    // Four eyes: a district officer verifies the outcomes someone else recorded.
    const waiting = await outcomesToVerify(db, actor);
    if (waiting.n) tasks.push({ kind: 'outcomes_to_verify', count: waiting.n, dueOn: waiting.dueOn });
    // The district officer follows up what the committee resolved.
    const due = await resolutionsDue(db, actor);
    if (due.n) tasks.push({ kind: 'resolutions_due', count: due.n, dueOn: due.dueOn });
  }
  return tasks;
}
