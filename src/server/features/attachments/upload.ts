import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { MAX_UPLOAD_MB, type Upload } from './attachments.service';

/** The one file of a multipart upload, size-checked while it streams in. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('attachment.missing');
  const file = await request.file({ limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  if (!file) throw new AppError('attachment.missing');
  const data = await file.toBuffer().catch(() => {
    throw new AppError('attachment.too_large', { params: { mb: MAX_UPLOAD_MB } });
  });
  if (file.file.truncated) throw new AppError('attachment.too_large', { params: { mb: MAX_UPLOAD_MB } });
  return { filename: file.filename || 'file', data };
}
