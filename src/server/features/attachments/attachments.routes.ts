import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/paging';
import { readAttachment } from './attachments.service';

/**
 * A file name safe in a header and on any disk: no path, no control or reserved characters, no leading dots;
 * Thai letters kept (RFC 5987 `filename*`), with an ASCII fallback.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const visible = [...base].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
  const cleaned = visible
    .normalize('NFC')
    .replace(/["*:<>?|;,%]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || 'file';
}

export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const safe = safeFilename(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];
  for (const variant of ['file', 'thumbnail'] as const) {
    app.get(
      variant === 'file' ? '/api/attachments/:id' : '/api/attachments/:id/thumbnail',
      {
        schema: {
          tags,
          summary: variant === 'file' ? 'Download an attachment' : 'A small JPEG preview of an image',
          params: idParams,
          produces: ['image/jpeg', 'application/pdf'],
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const file = await readAttachment(app.db, req.actor!, req.params.id, variant);
        // Images were decoded and re-encoded by us: safe to show inline. Anything else (PDFs as uploaded)
        // is only ever downloaded, never rendered in our origin.
        const inline = file.mime === 'image/jpeg';
        return reply
          .type(file.mime)
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
          .send(file.data);
      },
    );
  }
};
