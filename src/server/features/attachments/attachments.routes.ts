import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/paging';
import { readAttachment } from './attachments.service';

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
        return reply
          .type(file.mime)
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .send(file.data);
      },
    );
  }
};
