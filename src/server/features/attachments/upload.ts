/**
 * Receiving an upload without holding memory or the database: the file streams to a temporary file
 * (size-checked as it arrives), and each user may have only a few uploads in flight at once.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { MAX_UPLOAD_MB, type Upload } from './attachments.service';

/** Uploads one user may have in progress at once (beyond: 429). */
export const MAX_UPLOADS_PER_USER = 2;
const inFlight = new Map<string, number>();

function claimSlot(who: string): () => void {
  const now = inFlight.get(who) ?? 0;
  if (now >= MAX_UPLOADS_PER_USER) throw new AppError('attachment.too_many_uploads', { params: { max: MAX_UPLOADS_PER_USER } });
  inFlight.set(who, now + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (inFlight.get(who) ?? 1) - 1;
    if (left > 0) inFlight.set(who, left);
    else inFlight.delete(who);
  };
}

/** How big a file a route takes, and the error for a bigger one (attachments: MAX_UPLOAD_MB). */
export type UploadLimit = { bytes: number; tooLarge: () => AppError };
const ATTACHMENT_LIMIT: UploadLimit = {
  bytes: MAX_UPLOAD_MB * 1024 * 1024,
  tooLarge: () => new AppError('attachment.too_large', { params: { mb: MAX_UPLOAD_MB } }),
};

/**
 * The one file of a multipart upload, streamed to a private temporary folder. The caller must call
 * `dispose()` when done (it removes the file and frees the user's upload slot; calling it twice is harmless).
 */
export async function readUpload(request: FastifyRequest, limit: UploadLimit = ATTACHMENT_LIMIT): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('attachment.missing');
  const release = claimSlot(String(request.actor?.userId ?? request.ip));
  let dir: string | undefined;
  const dispose = async () => {
    release();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    const file = await request.file({ limits: { fileSize: limit.bytes, files: 1 } });
    if (!file) throw new AppError('attachment.missing');
    dir = await mkdtemp(join(tmpdir(), 'thanrak-upload-'));
    const path = join(dir, 'file');
    await pipeline(file.file, createWriteStream(path, { mode: 0o600 })).catch(() => {
      throw limit.tooLarge();
    });
    if (file.file.truncated) throw limit.tooLarge();
    return { filename: file.filename || 'file', path, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
