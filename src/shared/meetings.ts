import { z } from 'zod';
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

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const AGENDA_KINDS = ['announcement', 'previous_minutes', 'follow_up', 'consideration', 'other'] as const;
export const RESOLUTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

/** The usual five items of a committee meeting (ระเบียบวาระที่ 1–5), offered to a new meeting. */
export const STANDARD_AGENDA: { kind: AgendaKind; title: string }[] = [
  { kind: 'announcement', title: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' },
  { kind: 'previous_minutes', title: 'รับรองรายงานการประชุมครั้งที่แล้ว' },
  { kind: 'follow_up', title: 'เรื่องสืบเนื่องจากการประชุมครั้งที่แล้ว' },
  { kind: 'consideration', title: 'เรื่องเพื่อพิจารณา' },
  { kind: 'other', title: 'เรื่องอื่น ๆ' },
];

/** Open or in-progress resolutions due within this many days (or overdue) appear in "my tasks". */
export const RESOLUTION_DUE_DAYS = 14;
export const DEFAULT_QUORUM_PERCENT = 50;

/** Quorate: strictly more than `percent` of the term's members attended (the indicators count it the same way in SQL). */
export const isQuorate = (attended: number, members: number, percent: number) => attended * 100 > members * percent;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

const agendaItem = z.strictObject({ kind: z.enum(AGENDA_KINDS), title: text().trim().min(1).max(500) });

const planFields = {
  heldOn: isoDate,
  startsAt: time,
  place: text().trim().min(1).max(300),
  agenda: z.array(agendaItem).min(1).max(20),
  invitedMemberIds: z
    .array(idSchema)
    .max(40)
    .optional()
    .describe('committee_members ids; default (or null): every member of the term in force on heldOn'),
};

export const createMeetingBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...planFields });
/** A planned meeting as a whole, with the version read: what a change must leave valid (and what the edit form checks). */
export const meetingChange = z.strictObject({ version: z.number().int().min(1), ...planFields });
/** The invitations are of the term in force on the day: moving the day into another term means sending them anew (or null). */
export const updateMeetingBody = patchBody(planFields);

export const recordMeetingBody = z
  .strictObject({
    version: z.number().int().min(1),
    attendance: z
      .array(z.strictObject({ memberId: idSchema, attended: z.boolean(), note: text().trim().max(300).default('') }))
      .min(1)
      .max(40),
    guests: text().trim().max(3000).default('').describe('Non-members present, one per line'),
    openedAt: time,
    closedAt: time,
    minutes: z.array(z.strictObject({ seq: z.number().int().min(1).max(20), minutes: text().trim().max(20000) })).max(20),
    minutesBy: text().trim().min(1).max(200),
    minutesCheckedBy: text().trim().min(1).max(200),
    resolutions: z
      .array(
        z.strictObject({
          agendaSeq: z.number().int().min(1).max(20).nullable().default(null),
          text: text().trim().min(1).max(3000),
          ownerMemberId: idSchema.nullable().default(null),
          dueOn: isoDate.nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
  })
  // "HH:MM" strings sort as the times do.
  .refine((b) => b.closedAt >= b.openedAt, { path: ['closedAt'], message: 'Cannot be before the opening time' });

export const meetingListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  fiscalYear: fiscalYearSchema.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  ...pageQuery,
});

export const documentBody = z.strictObject({ digits: z.enum(['thai', 'arabic']).default('thai') });

const named = z.object({ id: z.number().int(), name: z.string() });

export const resolutionSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  meeting: z.object({ id: z.number().int(), number: z.number().int(), fiscalYear: z.number().int(), heldOn: z.string() }),
  agendaSeq: z.number().int().nullable(),
  text: z.string(),
  owner: named.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(RESOLUTION_STATUSES),
  followUp: z.string(),
  doneOn: z.string().nullable(),
  version: z.number().int(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const meetingSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  committeeId: z.number().int(),
  number: z.number().int(),
  fiscalYear: z.number().int(),
  quarter: z.number().int(),
  heldOn: z.string(),
  startsAt: z.string(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  quorumPercent: z.number().int(),
  membersCount: z.number().int(),
  invitedCount: z.number().int(),
  attendedCount: z.number().int(),
  /** Null while the meeting is not held. */
  quorate: z.boolean().nullable(),
  version: z.number().int(),
  locked: lockedSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingDetailSchema = meetingSchema.extend({
  guests: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  minutesBy: z.string(),
  minutesCheckedBy: z.string(),
  agenda: z.array(z.object({ seq: z.number().int(), kind: z.enum(AGENDA_KINDS), title: z.string(), minutes: z.string() })),
  attendees: z.array(
    z.object({
      memberId: z.number().int(),
      name: z.string(),
      title: z.string(),
      positionCode: z.string(),
      attended: z.boolean(),
      note: z.string(),
    }),
  ),
  resolutions: z.array(resolutionSchema),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
export const meetingListResponse = pageResponse(meetingSchema);

/** The members of the term in force on a day, to invite (GET /api/meetings/members?unit=&on=). */
export const termMembersQuery = z.strictObject({ unit: districtCodeSchema, on: isoDate });
export const termMembersResponse = z.object({
  committeeId: z.number().int(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), title: z.string(), positionCode: z.string() })),
});

export const resolutionListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  status: z.enum(RESOLUTION_STATUSES).optional(),
  dueBefore: isoDate.optional().describe('Due on or before this day'),
  meetingId: idParam.optional(),
  ...pageQuery,
});
export const resolutionListResponse = pageResponse(resolutionSchema);

const followUpFields = {
  status: z.enum(RESOLUTION_STATUSES),
  followUp: text().trim().max(5000).default(''),
  doneOn: isoDate.nullable().default(null).describe('Required when done; dropped when the status is not done'),
};

/** A resolution's follow-up as a whole, with the version read: what a change must leave valid. */
export const resolutionChange = z
  .strictObject({ version: z.number().int().min(1), ...followUpFields })
  .superRefine((body, ctx) => {
    if (body.status === 'done' && !body.doneOn)
      ctx.addIssue({ code: 'custom', path: ['doneOn'], input: body.doneOn, message: 'The day it was done' });
  });
export const updateResolutionBody = patchBody(followUpFields);

export const quorumSettingSchema = z.object({ percent: z.number().int() });
export const saveQuorumBody = z.strictObject({ percent: z.number().int().min(1).max(99) });
