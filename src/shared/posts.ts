import { z } from 'zod';
import { districtCodeSchema, isoDate, lockedSchema, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';
import { attachmentSchema } from './wisdom';

export const POST_CHANNELS = ['website', 'facebook', 'line', 'radio', 'board'] as const;
export const POST_STATES = ['draft', 'published', 'public'] as const;

const postFields = {
  title: text().trim().min(1).max(300),
  body: text().trim().min(1).max(20000),
  channels: z.array(z.enum(POST_CHANNELS)).max(POST_CHANNELS.length).default([]),
  publishedOn: isoDate.nullable().default(null).describe('Null keeps the post a draft'),
  isPublic: z.boolean().default(false).describe('Shown on the public portal (published posts only)'),
};

type PostShape = { channels: string[]; publishedOn: string | null; isPublic: boolean };
function postRules(body: PostShape, ctx: z.RefinementCtx) {
  if (body.publishedOn && !body.channels.length)
    ctx.addIssue({ code: 'custom', path: ['channels'], input: body.channels, message: 'At least one channel' });
  if (body.isPublic && !body.publishedOn)
    ctx.addIssue({ code: 'custom', path: ['isPublic'], input: body.isPublic, message: 'Only a published post' });
}

export const createPostBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...postFields }).superRefine(postRules);
/** A post as a whole, with the version read: what a change must leave valid (and what the edit form checks). */
export const postChange = z.strictObject({ version: z.number().int().min(1), ...postFields }).superRefine(postRules);
/** Publishing is sending `publishedOn` (with `channels` if it has none); withdrawing, `publishedOn: null`. */
export const updatePostBody = patchBody(postFields);

export const postSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  title: z.string(),
  body: z.string(),
  channels: z.array(z.enum(POST_CHANNELS)),
  publishedOn: z.string().nullable(),
  isPublic: z.boolean(),
  photos: z.array(attachmentSchema),
  version: z.number().int(),
  locked: lockedSchema,
});
export type Post = z.infer<typeof postSchema>;

export const postListQuery = z.strictObject({
  unit: orgUnitCodeSchema.optional(),
  state: z.enum(POST_STATES).optional(),
  q: z.string().trim().max(200).optional().describe('Thai words in the title or body'),
  ...pageQuery,
});
export const postListResponse = pageResponse(postSchema);
export const postAttachmentParams = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  attachmentId: z.coerce.number().int().min(1).max(2_147_483_647),
});
