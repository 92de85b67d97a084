/**
 * The center's publicity posts (DOMAIN.md §5): a draft until published on a day (never ahead) through at least one
 * channel; a published post may also be shown on the public portal. Photos are attachments of owner 'post'.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type createPostBody, type Post, postChange, type postListQuery, type updatePostBody } from '#shared/posts';
import { searchTextOf } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { matchesWords, underUnit } from '../../db/filters';
import { type Unlocked, withLocked } from '../../db/locked-quarters';
import { readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { posts } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { addAttachment, attachmentsOfMany, removeAttachment, type Upload } from '../attachments/attachments.service';

/** The photo size limit, for the route's description. */
export { MAX_UPLOAD_MB } from '../attachments/attachments.service';

export const POST = { entity: 'post', notFound: 'post.not_found' } as const;
type PostRow = typeof posts.$inferSelect;
type PostInput = z.infer<typeof createPostBody> | z.infer<typeof postChange>;

/** A post counts in the quarter it was published in; a draft is never locked (the lock trigger's column). */
const datedBy = (p: Unlocked<Post>) => ({ unit: p.orgUnitCode, day: p.publishedOn });

/** The posts as the API gives them: with their photos, and whether their quarter is locked. */
async function withPhotos(db: Db, rows: PostRow[]): Promise<Post[]> {
  const photos = await attachmentsOfMany(
    db,
    'post',
    rows.map((r) => r.id),
  );
  const read = rows.map((r) => ({
    id: r.id,
    orgUnitCode: r.orgUnitCode,
    title: r.title,
    body: r.body,
    channels: r.channels,
    publishedOn: r.publishedOn,
    isPublic: r.isPublic,
    photos: photos.get(r.id) ?? [],
    version: r.version,
  }));
  return withLocked(db, read, datedBy);
}

const STATE = {
  draft: isNull(posts.publishedOn),
  published: isNotNull(posts.publishedOn),
  public: eq(posts.isPublic, true),
};

/** Posts of the scope, newest first (drafts on top), by state and Thai words. */
export async function listPosts(db: Db, actor: Actor, query: z.infer<typeof postListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(posts.deletedAt),
    scopeFilter(actor, posts.orgUnitCode),
    query.unit ? underUnit(posts.orgUnitCode, query.unit) : undefined,
    query.state ? STATE[query.state] : undefined,
    matchesWords(posts.searchText, query.q),
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(posts).$dynamic(),
      table: posts,
      where,
      order: [
        { by: posts.publishedOn, kind: 'date', of: (p) => p.publishedOn, desc: true, nullable: true },
        { by: posts.id, kind: 'int', of: (p) => p.id, desc: true },
      ],
    },
    query,
  );
  return { ...page, items: await withPhotos(db, page.items) };
}

export async function getPost(db: Db, actor: Actor, id: number): Promise<Post> {
  requirePermission(actor, 'pipeline.read');
  const row = await findVisible(db, actor, posts, id, POST.notFound);
  return (await withPhotos(db, [row]))[0];
}

function checkPost(body: PostInput) {
  if (body.publishedOn && body.publishedOn > thaiToday()) throw new AppError('post.published_in_future');
  if (body.publishedOn && !body.channels.length) throw new AppError('post.channels_required');
  if (body.isPublic && !body.publishedOn) throw new AppError('post.public_needs_published');
}

const columnsOf = (body: PostInput) => ({
  title: body.title,
  body: body.body,
  channels: [...new Set(body.channels)],
  publishedOn: body.publishedOn,
  isPublic: body.isPublic,
  searchText: searchTextOf(body.title, body.body),
});

export async function createPost(db: Db, actor: Actor, body: z.infer<typeof createPostBody>): Promise<Post> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  checkPost(body);
  const id = await db.transaction(async (tx) => {
    const created = await createRecord(tx, actor, posts, POST.entity, {
      orgUnitCode: body.orgUnitCode,
      createdBy: actor.userId,
      ...columnsOf(body),
    });
    return created.id;
  });
  return getPost(db, actor, id);
}

/** Changes a post; publishing is setting its day (and channels), withdrawing it setting none. */
export async function updatePost(db: Db, actor: Actor, id: number, patch: z.infer<typeof updatePostBody>): Promise<Post> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, posts, id, POST.notFound);
    requireInScope(actor, existing.orgUnitCode);
    const stored = {
      title: existing.title,
      body: existing.body,
      channels: existing.channels,
      publishedOn: existing.publishedOn,
      isPublic: existing.isPublic,
    };
    const body = applyPatch(postChange, stored, patch);
    checkPost(body);
    await updateRecord(tx, actor, posts, POST, id, body.version, columnsOf(body));
  });
  return getPost(db, actor, id);
}

export async function deletePost(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, posts, id, POST.notFound);
    requireInScope(actor, existing.orgUnitCode);
    await deleteRecord(tx, actor, posts, POST, id, version);
  });
}

async function changeablePost(db: Db, actor: Actor, id: number) {
  requirePermission(actor, 'pipeline.write');
  const post = await findVisible(db, actor, posts, id, POST.notFound);
  requireInScope(actor, post.orgUnitCode);
  return { type: 'post' as const, id: post.id, orgUnitCode: post.orgUnitCode };
}

export async function addPostPhoto(db: Db, actor: Actor, id: number, upload: Upload) {
  return addAttachment(db, actor, await changeablePost(db, actor, id), upload);
}

export async function removePostPhoto(db: Db, actor: Actor, id: number, attachmentId: number) {
  await removeAttachment(db, actor, await changeablePost(db, actor, id), attachmentId);
}
