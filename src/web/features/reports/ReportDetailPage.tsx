import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import {
  type QuarterLock,
  type QuarterlyReport,
  REPORT_EDITABLE,
  reportChange,
  reviewReportBody,
  unlockBody,
} from '#shared/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { RecordHeader } from '../../components/RecordPage';
import { formatDateTime } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDownloadReportMemo, useLockQuarter, useReport, useReportMove, useSaveReport, useUnlockQuarter } from './api';
import { FiguresTable, ReportBadges, useQuarterName } from './ReportParts';
import { SubmitDialog } from './SubmitDialog';

/** One report: its figures as submitted, the district's words, the province's decision, and the next steps allowed. */
export function ReportDetailPage() {
  const { t, language, nameOf } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const report = useReport(id);
  const { data: me } = useMe();
  const quarterName = useQuarterName();
  const [editing, setEditing] = useState(false);
  const memo = useDownloadReportMemo();
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data || !me) return <Skeleton h={240} />;
  const r = report.data;
  const mayWrite = can(me, 'pipeline.write') && isDistrict(me.orgUnit.code) && REPORT_EDITABLE.includes(r.status);
  const byOn = (who: { name: string } | null, at: string | null) =>
    who && at ? t('reports.fields.byOn', { name: who.name, date: formatDateTime(at, language) }) : '—';
  const words = [
    ['narrative', r.narrative],
    ['problems', r.problems],
    ['supportNeeded', r.supportNeeded],
  ] as const;
  return (
    <Stack>
      <RecordHeader
        list="/reports"
        listLabel={t('reports.title')}
        title={`${quarterName(r)} · ${nameOf({ nameTh: r.unitNameTh, nameEn: r.unitNameEn })}`}
        badges={<ReportBadges report={r} />}
        actions={
          mayWrite && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )
        }
      />
      {r.lock && (
        <Alert color="gray" role="status">
          {t('reports.lockedOn')}
        </Alert>
      )}
      {r.status === 'returned' && r.reviewComment && (
        <Alert color="orange" role="status" title={t('reports.fields.reviewComment')} data-testid="review-comment">
          <Text c="dark" style={{ whiteSpace: 'pre-wrap' }}>
            {r.reviewComment}
          </Text>
        </Alert>
      )}
      <ReportActions report={r} mayWrite={mayWrite} mayReview={can(me, 'reports.review')} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('reports.fields.submitted')}>{byOn(r.submittedBy, r.submittedAt)}</Fact>
          <Fact label={t('reports.fields.reviewed')}>{byOn(r.reviewedBy, r.reviewedAt)}</Fact>
        </SimpleGrid>
        <Group gap="md" mt="sm">
          <Button variant="subtle" px={0} loading={memo.isPending} onClick={() => memo.mutate(r.id)}>
            {t('reports.actions.pdf')}
          </Button>
          <Anchor href={`/api/reports/${r.id}/report.xlsx`} download>
            {t('reports.actions.xlsx')}
          </Anchor>
        </Group>
        {/* Only the district's own officers (or the department) set its prefix. */}
        <ErrorAlert error={memo.error} fixHere={me?.orgUnit.code === r.orgUnitCode || me?.orgUnit.code === 'TH'} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('reports.figures')}
        </Title>
        {r.figures ? <FiguresTable figures={r.figures} /> : <Text c="gray.7">{t('reports.noFigures')}</Text>}
      </Card>
      {words.map(([field, text]) => (
        <Card withBorder key={field}>
          <Title order={2} size="h4" mb="xs">
            {t(`reports.fields.${field}`)}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{text || '—'}</Text>
        </Card>
      ))}
      {editing && <ReportForm report={r} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

type Dialog = 'submit' | 'return' | 'unlock' | null;

/** Send (district); approve, return with a comment, lock, unlock with a reason (province). */
function ReportActions({ report, mayWrite, mayReview }: { report: QuarterlyReport; mayWrite: boolean; mayReview: boolean }) {
  const { t } = useLanguage();
  const move = useReportMove();
  const lock = useLockQuarter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const reviewing = mayReview && report.status === 'submitted';
  const locking = mayReview && report.status === 'approved' && !report.lock;
  const unlocking = mayReview && !!report.lock;
  if (!mayWrite && !reviewing && !locking && !unlocking) return null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={move.error ?? lock.error} />
      <Group gap="xs" wrap="wrap" data-testid="report-actions">
        {mayWrite && <Button onClick={() => setDialog('submit')}>{t('reports.actions.submit')}</Button>}
        {reviewing && (
          <>
            <Button
              loading={move.isPending}
              onClick={() =>
                move.mutate({ id: report.id, move: 'review', body: { version: report.version, decision: 'approve' } })
              }
            >
              {t('reports.actions.approve')}
            </Button>
            <Button variant="light" color="orange.9" onClick={() => setDialog('return')}>
              {t('reports.actions.return')}
            </Button>
          </>
        )}
        {locking && (
          <Button
            variant="light"
            loading={lock.isPending}
            onClick={() => lock.mutate({ unit: report.orgUnitCode, fiscalYear: report.fiscalYear, quarter: report.quarter })}
          >
            {t('reports.actions.lock')}
          </Button>
        )}
        {unlocking && (
          <Button variant="light" color="red.9" onClick={() => setDialog('unlock')}>
            {t('reports.actions.unlock')}
          </Button>
        )}
      </Group>
      {dialog === 'submit' && <SubmitDialog report={report} onClose={() => setDialog(null)} />}
      {(dialog === 'return' || dialog === 'unlock') && (
        <ReasonDialog report={report} kind={dialog} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

/** Returning asks what to change; unlocking asks why. Either is required, and an empty one is said to be. */
function ReasonDialog({ report, kind, onClose }: { report: QuarterlyReport; kind: 'return' | 'unlock'; onClose: () => void }) {
  return kind === 'return' ? (
    <ReturnDialog report={report} onClose={onClose} />
  ) : (
    report.lock && <UnlockDialog lock={report.lock} onClose={onClose} />
  );
}

function ReturnDialog({ report, onClose }: { report: QuarterlyReport; onClose: () => void }) {
  const { t } = useLanguage();
  const move = useReportMove();
  const form = useSchemaForm({
    schema: reviewReportBody,
    initialValues: { comment: '' },
    toBody: (v) => ({ version: report.version, decision: 'return' as const, comment: v.comment }),
  });
  const submit = form.onSubmit((v) =>
    move.mutate({ id: report.id, move: 'review', body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <ReasonModal
      title={t('reports.actions.return')}
      error={move.error}
      saving={move.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Textarea label={t('reports.fields.comment')} required autosize minRows={3} {...form.getInputProps('comment')} />
    </ReasonModal>
  );
}

function UnlockDialog({ lock, onClose }: { lock: QuarterLock; onClose: () => void }) {
  const { t } = useLanguage();
  const unlock = useUnlockQuarter();
  const form = useSchemaForm({
    schema: unlockBody,
    initialValues: { reason: '' },
    toBody: (v) => ({ version: lock.version, reason: v.reason }),
  });
  const submit = form.onSubmit((v) =>
    unlock.mutate({ id: lock.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <ReasonModal
      title={t('reports.actions.unlock')}
      error={unlock.error}
      saving={unlock.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Textarea label={t('reports.fields.reason')} required autosize minRows={3} {...form.getInputProps('reason')} />
    </ReasonModal>
  );
}

function ReasonModal(props: {
  title: string;
  error: unknown;
  saving: boolean;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: React.ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form onSubmit={props.onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={props.error} fieldsShown />
          {props.children}
          <FormActions onCancel={props.onClose} saving={props.saving} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The district's own words of a draft or returned report. */
function ReportForm({ report, onClose }: { report: QuarterlyReport; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveReport();
  const form = useSchemaForm({
    schema: reportChange,
    initialValues: { narrative: report.narrative, problems: report.problems, supportNeeded: report.supportNeeded },
    toBody: (v) => ({ version: report.version, ...v }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: report.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('reports.edit')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Textarea label={t('reports.fields.narrative')} autosize minRows={4} {...form.getInputProps('narrative')} />
          <Textarea label={t('reports.fields.problems')} autosize minRows={2} {...form.getInputProps('problems')} />
          <Textarea label={t('reports.fields.supportNeeded')} autosize minRows={2} {...form.getInputProps('supportNeeded')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
