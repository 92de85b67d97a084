import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import { createPostBody, postAttachmentParams, postListQuery, postListResponse, postSchema, updatePostBody } from '#shared/posts';
import { attachmentSchema } from '#shared/wisdom';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { readUpload } from '../attachments/upload';
import {
  addPostPhoto,
  createPost,
  deletePost,
  getPost,
  listPosts,
  MAX_UPLOAD_MB,
  removePostPhoto,
  updatePost,
} from './posts.service';

export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];
  app.get(
    '/api/posts',
    {
      schema: {
        tags,
        summary: 'Publicity posts of your scope, newest first (by draft/published/public and Thai words)',
        querystring: postListQuery,
        response: { 200: postListResponse },
      },
    },
    (req) => listPosts(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/posts',
    name: 'posts',
    title: { th: 'ข่าวประชาสัมพันธ์', en: 'Posts' },
    tags: tags,
    query: postListQuery,
    read: (req, query) => listPosts(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'หัวข้อ', en: 'Title', kind: 'text' },
      { key: 'publishedOn', th: 'วันที่เผยแพร่', en: 'Published on', kind: 'date' },
      { key: 'channels', th: 'ช่องทาง', en: 'Channels', kind: 'code', labels: labelsOf('posts.channels') },
      { key: 'isPublic', th: 'เผยแพร่สาธารณะ', en: 'Public', kind: 'boolean' },
      { key: 'body', th: 'เนื้อหา', en: 'Body', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/posts/:id',
    { schema: { tags, summary: 'One post with its photos', params: idParams, response: { 200: postSchema } } },
    (req) => getPost(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/posts',
    {
      schema: {
        tags,
        summary: 'Write a post: a draft, or published on a day (not ahead) through at least one channel',
        body: createPostBody,
        response: { 201: postSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPost(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: 'Change, publish or withdraw a post',
        params: idParams,
        body: updatePostBody,
        response: { 200: postSchema },
      },
    },
    (req) => updatePost(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/posts/:id',
    { schema: { tags, summary: 'Delete a post', params: idParams, body: versionBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await deletePost(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/posts/:id/attachments',
    {
      schema: {
        tags,
        summary: `Upload a photo for a post (JPEG, PNG or WebP, at most ${MAX_UPLOAD_MB} MB) as multipart field "file"`,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      try {
        return reply.code(201).send(await addPostPhoto(app.db, req.actor!, req.params.id, upload));
      } finally {
        await upload.dispose();
      }
    },
  );
  app.delete(
    '/api/posts/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Remove a photo from a post', params: postAttachmentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removePostPhoto(app.db, req.actor!, req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
};
