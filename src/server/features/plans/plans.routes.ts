import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import {
  createPlanBody,
  createProjectBody,
  planDetailSchema,
  planListQuery,
  planListResponse,
  projectDetailSchema,
  projectListQuery,
  projectListResponse,
  projectUpdateBody,
  updatePlanBody,
  updateProjectBody,
} from '#shared/plans';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from './plans.service';
import { addProjectUpdate, createProject, deleteProject, getProject, listProjects, updateProject } from './projects.service';

/**
 * A project is made under its plan (`POST /api/plans/{id}/projects`: the plan it belongs to is part of the address),
 * then lives at its own address (`/api/plan-projects/{id}`), so changing it or reporting progress needs one id only.
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];
  const noContent = { 204: z.null() };
  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: "The center's development plans in your scope, latest years first",
        querystring: planListQuery,
        response: { 200: planListResponse },
      },
    },
    (req) => listPlans(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/plans',
    name: 'plans',
    title: { th: 'แผนพัฒนาศูนย์', en: 'Plans' },
    tags: tags,
    query: planListQuery,
    read: (req, query) => listPlans(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'ชื่อแผน', en: 'Title', kind: 'text' },
      { key: 'term', th: 'ระยะ', en: 'Term', kind: 'code', labels: labelsOf('plans.terms') },
      { key: 'firstYear', th: 'ปีเริ่ม', en: 'First year', kind: 'integer' },
      { key: 'lastYear', th: 'ปีสิ้นสุด', en: 'Last year', kind: 'integer' },
      { key: 'goal', th: 'เป้าหมาย', en: 'Goal', kind: 'text' },
      { key: 'projectCount', th: 'จำนวนโครงการ', en: 'Projects', kind: 'integer' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'A plan with its projects, the lessons it answers and the lessons looking back on it',
        params: idParams,
        response: { 200: planDetailSchema },
      },
    },
    (req) => getPlan(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/plans',
    { schema: { tags, summary: 'Make a development plan', body: createPlanBody, response: { 201: planDetailSchema } } },
    async (req, reply) => reply.code(201).send(await createPlan(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/plans/:id',
    {
      schema: { tags, summary: 'Change a plan', params: idParams, body: updatePlanBody, response: { 200: planDetailSchema } },
    },
    (req) => updatePlan(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Remove a plan with its projects (soft delete)',
        params: idParams,
        body: versionBody,
        response: noContent,
      },
    },
    async (req, reply) => {
      await deletePlan(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/plans/:id/projects',
    {
      schema: {
        tags,
        summary: 'Add a project to a plan',
        params: idParams,
        body: createProjectBody,
        response: { 201: projectDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProject(app.db, req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/api/plan-projects',
    {
      schema: {
        tags,
        summary: 'Projects of plans in your scope (by plan, or by a group they target), with their latest progress',
        querystring: projectListQuery,
        response: { 200: projectListResponse },
      },
    },
    (req) => listProjects(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/plan-projects',
    name: 'plan-projects',
    title: { th: 'โครงการตามแผน', en: 'Plan projects' },
    tags: tags,
    query: projectListQuery,
    read: (req, query) => listProjects(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'ชื่อโครงการ', en: 'Project', kind: 'text' },
      { key: 'planTitle', th: 'แผน', en: 'Plan', kind: 'text' },
      { key: 'objectives', th: 'วัตถุประสงค์', en: 'Objectives', kind: 'text' },
      { key: 'targetDescription', th: 'กลุ่มเป้าหมาย', en: 'Target', kind: 'text' },
      { key: 'budgetSatang', th: 'งบประมาณ (บาท)', en: 'Budget (baht)', kind: 'money' },
      { key: 'startsOn', th: 'วันที่เริ่ม', en: 'Starts on', kind: 'date' },
      { key: 'endsOn', th: 'วันที่สิ้นสุด', en: 'Ends on', kind: 'date' },
      { key: 'indicators', th: 'ตัวชี้วัด', en: 'Indicators', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/plan-projects/:id',
    {
      schema: {
        tags,
        summary: 'One project with its progress updates',
        params: idParams,
        response: { 200: projectDetailSchema },
      },
    },
    (req) => getProject(app.db, req.actor!, req.params.id),
  );
  app.patch(
    '/api/plan-projects/:id',
    {
      schema: {
        tags,
        summary: 'Change a project',
        params: idParams,
        body: updateProjectBody,
        response: { 200: projectDetailSchema },
      },
    },
    (req) => updateProject(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/plan-projects/:id',
    { schema: { tags, summary: 'Remove a project (soft delete)', params: idParams, body: versionBody, response: noContent } },
    async (req, reply) => {
      await deleteProject(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/plan-projects/:id/updates',
    {
      schema: {
        tags,
        summary: "Report a project's progress (append-only)",
        params: idParams,
        body: projectUpdateBody,
        response: { 201: projectDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addProjectUpdate(app.db, req.actor!, req.params.id, req.body)),
  );
};
