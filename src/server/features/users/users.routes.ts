import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserBody,
  resetPasswordBody,
  updateUserBody,
  userIdParams,
  userListQuery,
  userListResponse,
  userSchema,
} from '#shared/users';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, summary: 'Users of your scope', querystring: userListQuery, response: { 200: userListResponse } } },
    (req) => listUsers(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/users',
    name: 'users',
    title: { th: 'ผู้ใช้งาน', en: 'Users' },
    tags: tags,
    query: userListQuery,
    read: (req, query) => listUsers(app.db, req.actor!, query),
    columns: [
      { key: 'username', th: 'ชื่อผู้ใช้', en: 'Username', kind: 'text' },
      { key: 'displayName', th: 'ชื่อ', en: 'Name', kind: 'text' },
      { key: 'position', th: 'ตำแหน่ง', en: 'Position', kind: 'text' },
      { key: 'role', th: 'บทบาท', en: 'Role', kind: 'code', labels: labelsOf('roles') },
      { key: 'orgUnitNameTh', th: 'หน่วยงาน', en: 'Unit', kind: 'text', value: (r) => r.orgUnitNameTh },
      { key: 'active', th: 'ใช้งานอยู่', en: 'Active', kind: 'boolean' },
      { key: 'createdAt', th: 'วันที่สร้าง', en: 'Created on', kind: 'datetime' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user', params: userIdParams, response: { 200: userSchema } } },
    (req) => getUser(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Create an account in your scope', body: createUserBody, response: { 201: userSchema } } },
    async (req, reply) => reply.code(201).send(await createUser(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, role, unit or status (send the version you read)',
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    (req) => updateUser(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: "Set a user's password (ends the user's sessions)",
        params: userIdParams,
        body: resetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await resetPassword(app.db, req.actor!, req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );
};
