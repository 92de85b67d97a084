/**
 * The Garuda emblem at the head of official letters: uploaded once by the department, kept in the database so
 * every node prints the same. Checked by its first bytes (PNG or JPEG) and decoded once, never trusted by name.
 */
import { eq } from 'drizzle-orm';
import { MAX_EMBLEM_KB } from '#shared/outgoing-documents';
import { type Actor, requirePermission } from '../../access';
import { insertAudited, updateAudited } from '../../audit/writes';
import type { Db } from '../../db/client';
import { documentImages } from '../../db/schema';
import { AppError } from '../../errors';

const EMBLEM = 'garuda';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The image type its magic bytes say, or null. */
export function imageTypeOf(data: Buffer): 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (data.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  return null;
}

export async function saveEmblem(db: Db, actor: Actor, data: Buffer): Promise<{ mime: string; width: number; height: number }> {
  requirePermission(actor, 'documents.emblem');
  if (data.length > MAX_EMBLEM_KB * 1024) throw new AppError('documents.emblem_too_large', { params: { kb: MAX_EMBLEM_KB } });
  const mime = imageTypeOf(data);
  if (!mime) throw new AppError('documents.emblem_invalid');
  // A file that starts like an image but does not decode would break every letter: refuse it here.
  const { default: sharp } = await import('sharp');
  const meta = await sharp(data)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height || !['png', 'jpeg'].includes(meta.format ?? ''))
    throw new AppError('documents.emblem_invalid');
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: documentImages.id }).from(documentImages).where(eq(documentImages.name, EMBLEM));
    const values = { name: EMBLEM, mime, data };
    if (existing) await updateAudited(tx, actor, documentImages, 'document_image', existing.id, values, { orgUnitCode: 'TH' });
    else await insertAudited(tx, actor, documentImages, 'document_image', values, { orgUnitCode: 'TH' });
  });
  return { mime, width: meta.width, height: meta.height };
}

/** Whether the emblem is uploaded and when, without its bytes. */
export async function emblemStatus(db: Db, actor: Actor): Promise<{ emblem: { mime: string; updatedAt: string } | null }> {
  requirePermission(actor, 'documents.issue');
  const [row] = await db
    .select({ mime: documentImages.mime, updatedAt: documentImages.updatedAt })
    .from(documentImages)
    .where(eq(documentImages.name, EMBLEM));
  return { emblem: row ? { mime: row.mime, updatedAt: row.updatedAt.toISOString() } : null };
}

export async function emblemImage(db: Db, actor: Actor): Promise<{ mime: string; data: Buffer }> {
  requirePermission(actor, 'documents.issue');
  const image = await storedEmblem(db);
  if (!image) throw new AppError('documents.emblem_missing');
  return image;
}

async function storedEmblem(db: Db): Promise<{ mime: string; data: Buffer } | null> {
  const [row] = await db.select().from(documentImages).where(eq(documentImages.name, EMBLEM));
  return row ? { mime: row.mime, data: Buffer.from(row.data) } : null;
}

/** The emblem as a data URL for pdfmake, or null until the department uploads it. */
export async function emblemDataUrl(db: Db): Promise<string | null> {
  const image = await storedEmblem(db);
  return image ? `data:${image.mime};base64,${image.data.toString('base64')}` : null;
}
