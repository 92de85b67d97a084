import { z } from 'zod';
import { idSchema, isoDate, localUnitCodeSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';

/** What an order may delegate: approving cash advances, approving payments (เบิกจ่าย). */
export const DELEGATED_POWERS = ['advances', 'spending'] as const;
export type DelegatedPower = (typeof DELEGATED_POWERS)[number];
/** Positions an order may name; the holder in each covered unit gets the power for that unit. */
export const DELEGATE_ROLES = ['district_chief', 'province_officer', 'district_officer'] as const;

export const createDelegationOrderBody = z
  .strictObject({
    issuingUnitCode: localUnitCodeSchema.describe(
      'The office whose head signed the order (a province; a district for an acting order)',
    ),
    orderNo: text().trim().min(1).max(50).describe('As on paper, e.g. "7/2563"'),
    orderDate: isoDate,
    delegator: text().trim().min(3).max(300).describe('Who delegates, e.g. "ผู้ว่าราชการจังหวัดอุบลราชธานี"'),
    delegateRole: z.enum(DELEGATE_ROLES).optional().describe('A position: its holder in each covered unit'),
    delegateUserId: idSchema.optional().describe('Or one named officer (acting for the chief)'),
    scopeUnitCode: localUnitCodeSchema.describe('The order covers this unit and the units under it'),
    powers: z.array(z.enum(DELEGATED_POWERS)).min(1).max(2),
    subject: text().trim().min(3).max(2000),
    effectiveFrom: isoDate.optional().describe('Default: the order date'),
    effectiveUntil: isoDate.optional(),
  })
  .refine((b) => !b.delegateRole !== !b.delegateUserId, {
    message: 'Name either a position (delegateRole) or one officer (delegateUserId)',
    path: ['delegateRole'],
  });

export const revokeDelegationOrderBody = z.strictObject({
  revokedOn: isoDate,
  reason: text().trim().min(3).max(1000),
  version: z.number().int().min(1),
});

export const delegationOrderSchema = z.object({
  id: z.number().int(),
  issuingUnitCode: z.string(),
  orderNo: z.string(),
  orderDate: z.string(),
  delegator: z.string(),
  delegateRole: z.enum(DELEGATE_ROLES).nullable(),
  delegateUserId: z.number().int().nullable(),
  delegateName: z.string().describe('The named officer, or empty for a position'),
  delegatePosition: z.string().describe("The named officer's position (ตำแหน่ง), or empty"),
  issuingUnitNameTh: z.string(),
  issuingUnitNameEn: z.string(),
  scopeUnitCode: z.string(),
  scopeUnitNameTh: z.string(),
  scopeUnitNameEn: z.string(),
  powers: z.array(z.enum(DELEGATED_POWERS)),
  subject: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string(),
  inForce: z.boolean().describe('In force today: started, not ended, not revoked'),
  version: z.number().int(),
});
export type DelegationOrder = z.infer<typeof delegationOrderSchema>;

export const ORDER_STATUSES = ['inForce', 'notYet', 'ended', 'revoked'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where an order stands on a day (ISO); a revocation dated later still leaves it in force until then. */
export function orderStatusOn(
  order: Pick<DelegationOrder, 'revokedOn' | 'effectiveFrom' | 'effectiveUntil'>,
  day: string,
): OrderStatus {
  if (order.revokedOn && order.revokedOn <= day) return 'revoked';
  if (order.effectiveFrom > day) return 'notYet';
  if (order.effectiveUntil && order.effectiveUntil < day) return 'ended';
  return 'inForce';
}

export const delegationOrderListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional().describe('Orders covering this unit or given for units under it; default your own unit'),
  ...pageQuery,
});
export const delegationOrderListResponse = pageResponse(delegationOrderSchema);

export const authoritiesQuery = z.strictObject({
  unit: localUnitCodeSchema.describe('The unit whose money is approved'),
  power: z.enum(DELEGATED_POWERS),
  on: isoDate.optional().describe('The day of the approval; default today'),
});

/** An approval's reference to its order, as shown beside the approval ("คำสั่งจังหวัดอุบลราชธานี ที่ 7/2563"). */
export const approvalSchema = z.object({
  approverId: z.number().int(),
  approverName: z.string(),
  approverPosition: z.string(),
  approvedOn: z.string(),
  orderId: z.number().int(),
  orderNo: z.string(),
  orderDate: z.string(),
  delegator: z.string(),
  note: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** What an approver sends: the order relied on, the day (default today, never in the future) and a note. */
export const approveBody = z.strictObject({
  delegationOrderId: idSchema,
  approvedOn: isoDate.optional(),
  note: text().trim().max(1000).default(''),
  version: z.number().int().min(1),
});
export const rejectBody = z.strictObject({
  reason: text().trim().min(3).max(1000),
  version: z.number().int().min(1),
});
