import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Attachment, RESTRICTED_WISDOM_READERS } from '#shared/wisdom';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { auditEvent } from '../../audit/audit';
import { now } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { attachments, outcomes, posts, products, wisdomItems } from '../../db/schema';
import { AppError } from '../../errors';

export const MAX_UPLOAD_MB = 10;
const MAX_EDGE = 1600;
const THUMB_EDGE = 320;
/**
 * Files go into the database in slices of this size, each its own short statement, so the embedded
 * database (which runs on the server's only thread) answers other requests between slices.
 */
const SLICE_BYTES = 512 * 1024;

/** A received file, waiting in a temporary file until stored (see `readUpload`). */
export interface Upload {
  filename: string;
  path: string;
  /** Removes the temporary file and frees the user's upload slot. */
  dispose(): Promise<void>;
}

type Processed =
  | { kind: 'document'; mime: string; path: string; thumbnail: null; width: null; height: null }
  | { kind: 'image'; mime: string; data: Buffer; thumbnail: Buffer; width: number; height: number };

async function startsWithPdfHeader(path: string) {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === '%PDF-';
  } finally {
    await handle.close();
  }
}

/**
 * Decides by content, never by name or declared type: images are decoded (and re-encoded, which drops
 * metadata such as GPS position), PDFs are recognised by their header; anything else is refused. Runs
 * before any database work; sharp decodes on libuv's worker threads, not the request thread.
 */
export async function processUpload(upload: Upload): Promise<Processed> {
  if (await startsWithPdfHeader(upload.path)) {
    return { kind: 'document', mime: 'application/pdf', path: upload.path, thumbnail: null, width: null, height: null };
  }
  // Loaded on the first image, not at start (~0.2 s).
  const { default: sharp } = await import('sharp');
  try {
    const meta = await sharp(upload.path).metadata();
    if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format)) throw new Error('unsupported');
    const image = sharp(upload.path).rotate().resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true });
    const { data, info } = await image.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    return { kind: 'image', mime: 'image/jpeg', data, thumbnail, width: info.width, height: info.height };
  } catch {
    throw new AppError('attachment.not_image', { params: { filename: upload.filename } });
  }
}

/** The bytes of a processed upload, slice by slice (a PDF is read from its temporary file, never whole). */
async function* slicesOf(processed: Processed): AsyncGenerator<Buffer> {
  if (processed.kind === 'image') {
    for (let at = 0; at < processed.data.length; at += SLICE_BYTES) yield processed.data.subarray(at, at + SLICE_BYTES);
    return;
  }
  for await (const chunk of createReadStream(processed.path, { highWaterMark: SLICE_BYTES })) yield chunk as Buffer;
}

/** Bytes as an SQL value: base64 text, which both engines take far faster than a binary parameter. */
const bytesSql = (bytes: Buffer) => sql`decode(${bytes.toString('base64')}, 'base64')`;

export const toAttachment = (a: typeof attachments.$inferSelect): Attachment => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  mime: a.mime,
  size: a.size,
  width: a.width,
  height: a.height,
});

const metadataColumns = {
  id: attachments.id,
  kind: attachments.kind,
  filename: attachments.filename,
  mime: attachments.mime,
  size: attachments.size,
  width: attachments.width,
  height: attachments.height,
};

export type OwnerType = 'wisdom' | 'product' | 'outcome' | 'post';

/**
 * Stores a checked upload for a record the caller has already found in scope and may change (the caller checks
 * who may attach: officers to wisdom and products, recorders to outcomes), without holding the
 * database for the whole file: the row is staged hidden (marked deleted), its bytes appended slice by
 * slice in short statements, then one short transaction shows it and audits the attachment. A crash
 * midway leaves only a hidden row, never a half file anyone can read.
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  owner: { type: OwnerType; id: number; orgUnitCode: string },
  upload: Upload,
): Promise<Attachment> {
  try {
    const processed = await processUpload(upload);
    const [staged] = await db
      .insert(attachments)
      .values({
        orgUnitCode: owner.orgUnitCode,
        ownerType: owner.type,
        ownerId: owner.id,
        kind: processed.kind,
        filename: upload.filename.slice(0, 200),
        mime: processed.mime,
        size: 0,
        width: processed.width,
        height: processed.height,
        data: new Uint8Array(),
        createdBy: actor.userId || null,
        deletedAt: now(),
      })
      .returning({ id: attachments.id });
    try {
      let size = 0;
      for await (const slice of slicesOf(processed)) {
        size += slice.length;
        await db.execute(sql`update ${attachments} set data = data || ${bytesSql(slice)} where id = ${staged.id}`);
      }
      if (processed.thumbnail)
        await db.execute(sql`update ${attachments} set thumbnail = ${bytesSql(processed.thumbnail)} where id = ${staged.id}`);
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .update(attachments)
          .set({ size, deletedAt: null })
          .where(eq(attachments.id, staged.id))
          .returning(metadataColumns);
        // The file itself is no field of the record: the owner's log shows what was attached.
        await auditEvent(tx, actor, {
          action: 'attach',
          entity: owner.type,
          entityId: owner.id,
          orgUnitCode: owner.orgUnitCode,
          after: { attachment: row },
        });
        return row;
      });
    } catch (error) {
      // Never shown, never audited: the staged row goes.
      await db
        .delete(attachments)
        .where(eq(attachments.id, staged.id))
        .catch(() => {});
      throw error;
    }
  } finally {
    await upload.dispose();
  }
}

export async function attachmentsOf(db: Db, type: OwnerType, id: number): Promise<Attachment[]> {
  return (await attachmentsOfMany(db, type, [id])).get(id) ?? [];
}

/** The files of several records of one kind, by record id. */
export async function attachmentsOfMany(db: Db, type: OwnerType, ids: number[]): Promise<Map<number, Attachment[]>> {
  const byOwner = new Map<number, Attachment[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byOwner;
  const rows = await db
    .select({ ...metadataColumns, ownerId: attachments.ownerId })
    .from(attachments)
    .where(and(eq(attachments.ownerType, type), idIn(attachments.ownerId, ids), isNull(attachments.deletedAt)))
    .orderBy(attachments.id);
  for (const { ownerId, ...a } of rows) byOwner.get(ownerId)?.push(a);
  return byOwner;
}

/**
 * The owner record is live (a deleted wisdom item or product takes its files with it) and readable by the
 * actor (restricted wisdom only by district officers and above).
 */
const ownerIsReadable = (actor: Actor) => sql`case ${attachments.ownerType}
  when 'wisdom' then exists (select 1 from ${wisdomItems} w where w.id = ${attachments.ownerId} and w.deleted_at is null
    and (w.access_level <> 'restricted' or ${RESTRICTED_WISDOM_READERS.includes(actor.role)}))
  when 'product' then exists (select 1 from ${products} p where p.id = ${attachments.ownerId} and p.deleted_at is null)
  when 'outcome' then exists (select 1 from ${outcomes} o where o.id = ${attachments.ownerId} and o.deleted_at is null)
  when 'post' then exists (select 1 from ${posts} p where p.id = ${attachments.ownerId} and p.deleted_at is null)
  else false end`;

/** The file (or its thumbnail) if the actor may see the live record it belongs to, read slice by slice. */
export async function readAttachment(db: Db, actor: Actor, id: number, variant: 'file' | 'thumbnail') {
  requirePermission(actor, 'pipeline.read');
  const [row] = await db
    .select({
      filename: attachments.filename,
      mime: attachments.mime,
      length: sql<number>`octet_length(${variant === 'file' ? attachments.data : attachments.thumbnail})`.mapWith(Number),
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, id),
        isNull(attachments.deletedAt),
        scopeFilter(actor, attachments.orgUnitCode),
        ownerIsReadable(actor),
      ),
    );
  if (!row || (variant === 'thumbnail' && !row.length)) throw new AppError('attachment.not_found');
  return {
    filename: row.filename,
    mime: variant === 'thumbnail' ? 'image/jpeg' : row.mime,
    data: await readBytes(db, id, variant, row.length),
  };
}

/** An attachment's bytes, slice by slice: PGlite's one connection is never held by one long read. */
export async function readBytes(db: Db, id: number, variant: 'file' | 'thumbnail', length: number): Promise<Buffer> {
  const column = variant === 'file' ? attachments.data : attachments.thumbnail;
  const parts: Buffer[] = [];
  for (let at = 0; at < length; at += SLICE_BYTES) {
    const [slice] = await db
      .select({ b64: sql<string>`encode(substring(${column} from ${at + 1} for ${SLICE_BYTES}), 'base64')` })
      .from(attachments)
      .where(eq(attachments.id, id));
    parts.push(Buffer.from(slice.b64, 'base64'));
  }
  return Buffer.concat(parts);
}

/** Takes a file off a record the caller has already found in scope and may change; the owner's log shows it. */
export async function removeAttachment(
  db: Db,
  actor: Actor,
  owner: { type: OwnerType; id: number; orgUnitCode: string },
  id: number,
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(attachments)
      .set({ deletedAt: now() })
      .where(
        and(
          eq(attachments.id, id),
          eq(attachments.ownerType, owner.type),
          eq(attachments.ownerId, owner.id),
          isNull(attachments.deletedAt),
        ),
      )
      .returning(metadataColumns);
    if (!row) throw new AppError('attachment.not_found');
    await auditEvent(tx, actor, {
      action: 'detach',
      entity: owner.type,
      entityId: owner.id,
      orgUnitCode: owner.orgUnitCode,
      after: { attachment: row },
    });
  });
}
