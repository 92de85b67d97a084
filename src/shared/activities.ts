import { z } from 'zod';
import { satangString } from './budget';
import {
  districtCodeSchema,
  fiscalYearSchema,
  idParam,
  idSchema,
  isoDate,
  lockedSchema,
  orgUnitCodeSchema,
  text,
} from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** DOMAIN.md §4: trainings by knowledge topic, market events and fairs, study visits, strengthening activities. */
export const ACTIVITY_KINDS = ['training', 'market_event', 'study_visit', 'strengthening'] as const;
/** The kinds of market event: the seed's sales channels the center organises or joins (names from the code list). */
export const MARKET_EVENT_KINDS = [
  'community_market',
  'festival',
  'district_fair',
  'sales_center',
  'petrol_station',
  'online',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const ids = (max: number) => z.array(idSchema).max(max).default([]);

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  topicCode: z
    .string()
    .regex(/^topic_[a-z_]{1,40}$/, 'a knowledge topic code (topic_…)')
    .optional()
    .describe('Trainings only: a knowledge-topic code of the service_type list'),
  marketKind: z.enum(MARKET_EVENT_KINDS).optional().describe('Market events only'),
  title: text().trim().min(1).max(300),
  startsOn: isoDate,
  endsOn: isoDate,
  place: text().trim().min(1).max(300),
  partnerIds: ids(30),
  budgetItemId: idSchema.optional().describe('The budget activity that paid for it: one allocated to this district'),
  budgetUsedSatang: satangString.default('0'),
  people: z
    .array(z.strictObject({ personId: idSchema, attended: z.boolean().default(true) }))
    .max(500)
    .default([])
    .describe('People of the district invited or registered, and whether they attended'),
  groupIds: ids(100),
  note: text().trim().max(5000).default(''),
};

type ActivityShape = {
  kind: string;
  topicCode?: string;
  marketKind?: string;
  startsOn: string;
  endsOn: string;
  people: { personId: number }[];
};

/** Rules between fields, the same in the form and on the server (the clock-bound ones are the server's). */
function activityRules(body: ActivityShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], input: undefined, message });
  if (body.endsOn < body.startsOn) issue('endsOn', 'Must not be before the start date');
  if (body.kind === 'training' && !body.topicCode) issue('topicCode', 'A training needs its knowledge topic');
  if (body.kind !== 'training' && body.topicCode) issue('topicCode', 'Only a training has a knowledge topic');
  if (body.kind === 'market_event' && !body.marketKind) issue('marketKind', 'A market event needs its kind');
  if (body.kind !== 'market_event' && body.marketKind) issue('marketKind', 'Only a market event has a market kind');
  if (new Set(body.people.map((p) => p.personId)).size !== body.people.length) issue('people', 'Each person once');
}

export const createActivityBody = z
  .strictObject({ orgUnitCode: districtCodeSchema, ...activityFields })
  .superRefine(activityRules);
/** An activity's fields as a whole, with the version read: what a change must leave valid (and what imports send). */
export const activityChange = z.strictObject({ version: z.number().int().min(1), ...activityFields }).superRefine(activityRules);
export const updateActivityBody = patchBody(activityFields);

const named = z.object({ id: z.number().int(), name: z.string() });
const groupSales = z.object({
  groupId: z.number().int(),
  name: z.string(),
  amountSatang: z.string(),
  quantity: z.number().int(),
});

export const activitySchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  topicCode: z.string().nullable(),
  marketKind: z.enum(MARKET_EVENT_KINDS).nullable(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  partners: z.array(named),
  budgetItem: named.nullable(),
  budgetUsedSatang: z.string(),
  people: z.array(named.extend({ attended: z.boolean() })),
  groups: z.array(named),
  note: z.string(),
  /** Sales totals per group taking part (market events; empty otherwise). */
  salesByGroup: z.array(groupSales),
  salesTotalSatang: z.string(),
  createdBy: z.number().int(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const eventSaleSchema = z.object({
  groupId: z.number().int(),
  saleDate: z.string(),
  quantity: z.number().int().nullable(),
  amountSatang: z.string(),
});
export type EventSale = z.infer<typeof eventSaleSchema>;

/** One activity with a market event's day rows and its totals per day. */
export const activityDetailSchema = activitySchema.extend({
  sales: z.array(eventSaleSchema),
  salesByDay: z.array(z.object({ saleDate: z.string(), amountSatang: z.string(), quantity: z.number().int() })),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

export const activityListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  topic: z.string().trim().max(50).optional().describe('A knowledge-topic code'),
  marketKind: z.enum(MARKET_EVENT_KINDS).optional(),
  month: month.optional().describe('Activities running in this month (Gregorian YYYY-MM)'),
  from: isoDate.optional().describe('Activities running on or after this day'),
  to: isoDate.optional().describe('Activities running on or before this day'),
  groupId: idParam.optional().describe('With this group taking part'),
  personId: idParam.optional().describe('With this person invited or attending'),
  partnerId: idParam.optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export const activityListResponse = pageResponse(activitySchema);

/** A market event's takings as the grid shows them: every row of the event at once, replacing the rows before. */
export const saveEventSalesBody = z
  .strictObject({
    version: z.number().int().min(1).describe("The activity's version read"),
    rows: z
      .array(
        z.strictObject({
          groupId: idSchema,
          saleDate: isoDate,
          quantity: z.number().int().min(0).max(10_000_000).optional(),
          amountSatang: satangString,
        }),
      )
      .max(2000),
  })
  .superRefine((body, ctx) => {
    const days = body.rows.map((r) => `${r.groupId}:${r.saleDate}`);
    if (new Set(days).size !== days.length)
      ctx.addIssue({ code: 'custom', path: ['rows'], input: undefined, message: 'One row per group per day' });
  });

/** A budget activity that reached the district, for the activity form's budget link. */
export const activityBudgetItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fiscalYear: z.number().int(),
  receivedSatang: z.string(),
  usedSatang: z.string().describe("Budget used by the district's live activities linked to it"),
});
export type ActivityBudgetItem = z.infer<typeof activityBudgetItemSchema>;
export const activityBudgetItemsQuery = z.strictObject({ unit: districtCodeSchema, fiscalYear: fiscalYearSchema });
