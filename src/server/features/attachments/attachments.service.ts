import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Attachment } from '#shared/wisdom';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { auditEvent } from '../../audit/audit';
import type { Db } from '../../db/client';
import { attachments, products, wisdomItems } from '../../db/schema';
import { AppError } from '../../errors';

export const MAX_UPLOAD_MB = 10;
const MAX_EDGE = 1600;
const THUMB_EDGE = 320;

export interface Upload {
  filename: string;
  data: Buffer;
}

/**
 * Decides by content, never by name or declared type: images are decoded (and re-encoded, which drops
 * metadata such as GPS position), PDFs are recognised by their header; anything else is refused.
 */
export async function processUpload(upload: Upload) {
  if (upload.data.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { kind: 'document' as const, mime: 'application/pdf', data: upload.data, thumbnail: null, width: null, height: null };
  }
  try {
    const meta = await sharp(upload.data).metadata();
    if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format)) throw new Error('unsupported');
    const image = sharp(upload.data).rotate().resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true });
    const { data, info } = await image.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    return { kind: 'image' as const, mime: 'image/jpeg', data, thumbnail, width: info.width, height: info.height };
  } catch {
    throw new AppError('attachment.not_image', { params: { filename: upload.filename } });
  }
}

export const toAttachment = (a: typeof attachments.$inferSelect): Attachment => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  mime: a.mime,
  size: a.size,
  width: a.width,
  height: a.height,
});

/** Stores a checked upload for a record the caller has already found in scope. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  owner: { type: 'wisdom' | 'product'; id: number; orgUnitCode: string },
  upload: Upload,
): Promise<Attachment> {
  requirePermission(actor, 'pipeline.write');
  const processed = await processUpload(upload);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        orgUnitCode: owner.orgUnitCode,
        ownerType: owner.type,
        ownerId: owner.id,
        kind: processed.kind,
        filename: upload.filename.slice(0, 200),
        mime: processed.mime,
        size: processed.data.length,
        width: processed.width,
        height: processed.height,
        data: processed.data,
        thumbnail: processed.thumbnail,
        createdBy: actor.userId || null,
      })
      .returning();
    // The file itself is no field of the record: the owner's log shows what was attached.
    await auditEvent(tx, actor, {
      action: 'attach',
      entity: owner.type,
      entityId: owner.id,
      orgUnitCode: owner.orgUnitCode,
      after: { attachment: toAttachment(row) },
    });
    return toAttachment(row);
  });
}

export async function attachmentsOf(db: Db, type: 'wisdom' | 'product', id: number): Promise<Attachment[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, type), eq(attachments.ownerId, id), isNull(attachments.deletedAt)))
    .orderBy(attachments.id);
  return rows.map(toAttachment);
}

/** The owner record is live (a deleted wisdom item or product takes its files with it). */
const ownerIsLive = sql`case ${attachments.ownerType}
  when 'wisdom' then exists (select 1 from ${wisdomItems} w where w.id = ${attachments.ownerId} and w.deleted_at is null)
  when 'product' then exists (select 1 from ${products} p where p.id = ${attachments.ownerId} and p.deleted_at is null)
  else false end`;

/** The file (or its thumbnail) if the actor may see the live record it belongs to. */
export async function readAttachment(db: Db, actor: Actor, id: number, variant: 'file' | 'thumbnail') {
  requirePermission(actor, 'pipeline.read');
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt), scopeFilter(actor, attachments.orgUnitCode), ownerIsLive));
  if (!row || (variant === 'thumbnail' && !row.thumbnail)) throw new AppError('attachment.not_found');
  return {
    filename: row.filename,
    mime: variant === 'thumbnail' ? 'image/jpeg' : row.mime,
    data: Buffer.from(variant === 'thumbnail' ? row.thumbnail! : row.data),
  };
}
