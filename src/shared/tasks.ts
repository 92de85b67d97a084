import { z } from 'zod';

export const TASK_KINDS = [
  'my_advance_due',
  'advances_overdue',
  'advances_to_approve',
  'payments_to_approve',
  'expense_plans_returned',
  'expense_plans_to_review',
  'certifications_expiring',
  'service_follow_ups_overdue',
  'outcomes_to_verify',
  'requests_waiting',
  'portal_requests_waiting',
  'referrals_without_result',
  'resolutions_due',
] as const;
export const tasksResponse = z.array(
  z.object({ kind: z.enum(TASK_KINDS), count: z.number().int(), dueOn: z.string().nullable() }),
);
export type Task = z.infer<typeof tasksResponse>[number];
