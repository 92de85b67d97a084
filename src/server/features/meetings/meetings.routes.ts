import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMeetingBody,
  documentBody,
  meetingDetailSchema,
  meetingListQuery,
  meetingListResponse,
  quorumSettingSchema,
  recordMeetingBody,
  resolutionListQuery,
  resolutionListResponse,
  resolutionSchema,
  saveQuorumBody,
  termMembersQuery,
  termMembersResponse,
  updateMeetingBody,
  updateResolutionBody,
} from '#shared/meetings';
import { idParams, versionBody } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import {
  cancelMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  planMeeting,
  recordMeeting,
  termMembers,
  updateMeeting,
} from './meetings.service';
import { meetingPaper, type Paper } from './papers.service';
import { getQuorumSetting, saveQuorumSetting } from './quorum.service';
import { listResolutions, updateResolution } from './resolutions.service';

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Committee meetings of your scope, newest first (by fiscal year and status)',
        querystring: meetingListQuery,
        response: { 200: meetingListResponse },
      },
    },
    (req) => listMeetings(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/meetings',
    name: 'meetings',
    title: { th: 'การประชุม', en: 'Meetings' },
    tags: tags,
    query: meetingListQuery,
    read: (req, query) => listMeetings(app.db, req.actor!, query),
    columns: [
      { key: 'number', th: 'ครั้งที่', en: 'No.', kind: 'integer' },
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'quarter', th: 'ไตรมาส', en: 'Quarter', kind: 'integer' },
      { key: 'heldOn', th: 'วันที่ประชุม', en: 'Held on', kind: 'date' },
      { key: 'startsAt', th: 'เวลา', en: 'Time', kind: 'text' },
      { key: 'place', th: 'สถานที่', en: 'Place', kind: 'text' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('meetings.statuses') },
      { key: 'invitedCount', th: 'ผู้ได้รับเชิญ', en: 'Invited', kind: 'integer' },
      { key: 'attendedCount', th: 'ผู้เข้าประชุม', en: 'Attended', kind: 'integer' },
      { key: 'quorate', th: 'ครบองค์ประชุม', en: 'Quorate', kind: 'boolean' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/meetings/members',
    {
      schema: {
        tags,
        summary: 'The members of the committee term in force on a day (to invite)',
        querystring: termMembersQuery,
        response: { 200: termMembersResponse },
      },
    },
    (req) => termMembers(app.db, req.actor!, req.query.unit, req.query.on),
  );
  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting: agenda, attendance, minutes and resolutions',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    (req) => getMeeting(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a meeting of the committee term in force on its date; it gets the next number of the fiscal year',
        body: createMeetingBody,
        response: { 201: meetingDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await planMeeting(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a planned meeting (date, time, place, agenda, invitations)',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: meetingDetailSchema },
      },
    },
    (req) => updateMeeting(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned meeting',
        params: idParams,
        body: versionBody,
        response: { 200: meetingDetailSchema },
      },
    },
    (req) => cancelMeeting(app.db, req.actor!, req.params.id, req.body.version),
  );
  app.delete(
    '/api/meetings/:id',
    { schema: { tags, summary: 'Delete a meeting', params: idParams, body: versionBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteMeeting(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Record a planned meeting as held: attendance, guests, times, minutes per agenda item, resolutions',
        params: idParams,
        body: recordMeetingBody,
        response: { 200: meetingDetailSchema },
      },
    },
    (req) => recordMeeting(app.db, req.actor!, req.params.id, req.body),
  );
  for (const paper of ['invitation', 'minutes'] as Paper[])
    app.post(
      `/api/meetings/:id/${paper}.pdf`,
      {
        schema: {
          tags,
          summary:
            paper === 'invitation'
              ? 'The invitation letter with the agenda (PDF); the first download issues its number'
              : 'The minutes of a held meeting (PDF); the first download issues its number',
          params: idParams,
          body: documentBody,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const { document, pdf, filename } = await meetingPaper(app.db, req.actor!, req.params.id, paper, req.body.digits);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('x-document-number', encodeURIComponent(document.number))
          .send(pdf);
      },
    );
  app.get(
    '/api/resolutions',
    {
      schema: {
        tags,
        summary: 'Meeting resolutions of your scope, soonest due first (by status and due day)',
        querystring: resolutionListQuery,
        response: { 200: resolutionListResponse },
      },
    },
    (req) => listResolutions(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/resolutions',
    name: 'resolutions',
    title: { th: 'มติที่ประชุม', en: 'Resolutions' },
    tags: tags,
    query: resolutionListQuery,
    read: (req, query) => listResolutions(app.db, req.actor!, query),
    columns: [
      {
        key: 'meeting',
        th: 'การประชุม',
        en: 'Meeting',
        kind: 'text',
        value: (r) => `${r.meeting.number}/${r.meeting.fiscalYear}`,
      },
      { key: 'heldOn', th: 'วันที่ประชุม', en: 'Held on', kind: 'date', value: (r) => r.meeting.heldOn },
      { key: 'text', th: 'มติ', en: 'Resolution', kind: 'text' },
      { key: 'owner', th: 'ผู้รับผิดชอบ', en: 'Owner', kind: 'text', value: (r) => r.owner?.name },
      { key: 'dueOn', th: 'กำหนดเสร็จ', en: 'Due on', kind: 'date' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('meetings.resolutionStatuses') },
      { key: 'followUp', th: 'การติดตาม', en: 'Follow-up', kind: 'text' },
      { key: 'doneOn', th: 'วันที่เสร็จ', en: 'Done on', kind: 'date' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.patch(
    '/api/resolutions/:id',
    {
      schema: {
        tags,
        summary: 'Follow up a resolution: status, what was done, the day it was done',
        params: idParams,
        body: updateResolutionBody,
        response: { 200: resolutionSchema },
      },
    },
    (req) => updateResolution(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/settings/meeting-quorum',
    {
      schema: {
        tags,
        summary: 'The meeting quorum, in percent of members (strictly more)',
        response: { 200: quorumSettingSchema },
      },
    },
    (req) => getQuorumSetting(app.db, req.actor!),
  );
  app.put(
    '/api/settings/meeting-quorum',
    {
      schema: {
        tags,
        summary: 'Change the meeting quorum for meetings planned from now on (department)',
        body: saveQuorumBody,
        response: { 200: quorumSettingSchema },
      },
    },
    (req) => saveQuorumSetting(app.db, req.actor!, req.body.percent),
  );
};
