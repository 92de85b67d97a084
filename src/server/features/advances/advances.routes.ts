import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advanceListQuery,
  advanceListResponse,
  advanceRuleSchema,
  advanceSchema,
  createAdvanceBody,
  repaymentBody,
} from '#shared/advances';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import {
  contractOf,
  createAdvance,
  getAdvance,
  listAdvanceRules,
  listAdvances,
  listApprovers,
  repayAdvance,
} from './advances.service';
import { advanceContractPdf } from './contract.documents';

export const advanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['advances'];
  app.get(
    '/api/advances',
    {
      schema: {
        tags,
        summary: 'Cash advances of your scope (status=overdue for the overdue list)',
        querystring: advanceListQuery,
        response: { 200: advanceListResponse },
      },
    },
    (req) => listAdvances(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/advances/rules',
    { schema: { tags, summary: 'Repayment rules (days and from when)', response: { 200: z.array(advanceRuleSchema) } } },
    (req) => listAdvanceRules(app.db, req.actor!),
  );
  app.get(
    '/api/advances/approvers',
    {
      schema: {
        tags,
        summary: 'Officers who may approve an advance of the unit (not yourself)',
        querystring: z.strictObject({ unit: localUnitCodeSchema }),
        response: { 200: z.array(z.object({ id: z.number(), displayName: z.string(), orgUnitCode: z.string() })) },
      },
    },
    (req) => listApprovers(app.db, req.actor!, req.query.unit),
  );
  app.get(
    '/api/advances/:id',
    { schema: { tags, summary: 'One cash advance with its repayments', params: idParams, response: { 200: advanceSchema } } },
    (req) => getAdvance(app.db, req.actor!, req.params.id),
  );
  app.get(
    '/api/advances/:id/contract.pdf',
    {
      schema: {
        tags,
        summary: 'The advance contract (สัญญาการยืมเงิน) as PDF',
        params: idParams,
        querystring: z.strictObject({ digits: z.enum(['thai', 'arabic']).default('arabic') }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const contract = await contractOf(app.db, req.actor!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="advance-${contract.id}.pdf"`)
        .send(await advanceContractPdf(contract, req.query.digits));
    },
  );
  app.post(
    '/api/advances',
    {
      schema: {
        tags,
        summary: 'Record a cash advance (no second one while one is open)',
        body: createAdvanceBody,
        response: { 201: advanceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdvance(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/advances/:id/repayments',
    {
      schema: {
        tags,
        summary: 'Repay in cash or receipts (never above the balance)',
        params: idParams,
        body: repaymentBody,
        response: { 201: advanceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await repayAdvance(app.db, req.actor!, req.params.id, req.body)),
  );
};
