import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import type { Outcome } from '#shared/outcomes';
import { formatBaht } from '#shared/thai/index';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useSourceName } from '../funding/api';
import { useChannelName } from '../sales/api';
import { shortMonth } from '../sales/SalesChart';
import { outcomesKeys, useOutcome, useOutcomeAction } from './api';
import { OutcomeForm } from './OutcomeForm';

export function VerifiedBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useLanguage();
  return (
    <StatusBadge color={outcome.verifiedBy ? 'teal.9' : 'orange.9'} data-testid="outcome-status">
      {outcome.verifiedBy ? t('outcomes.verified') : t('outcomes.waiting')}
    </StatusBadge>
  );
}

/** What proves the outcome, in words. */
export function useEvidenceText() {
  const { t, language } = useLanguage();
  const channelName = useChannelName();
  const sourceName = useSourceName();
  return (o: Outcome) => {
    if (o.product) return o.product.name;
    if (o.certification) return o.certification.name;
    if (o.channelCode) return channelName(o.channelCode);
    if (o.fundingApplication)
      return `${sourceName(o.fundingApplication.sourceCode)} · ${formatBaht(BigInt(o.fundingApplication.approvedSatang ?? '0'))}`;
    if (o.jobsCount) return t('outcomes.jobs', { count: o.jobsCount });
    if (o.income)
      return `${shortMonth(o.income.before.from, language)}–${shortMonth(o.income.before.to, language)} → ${shortMonth(o.income.after.from, language)}–${shortMonth(o.income.after.to, language)}: ${t('outcomes.incomeLine', { before: formatBaht(BigInt(o.income.before.amountSatang)), after: formatBaht(BigInt(o.income.after.amountSatang)) })}`;
    return '';
  };
}

/** One outcome with its evidence and files; its recorder may change it, another district officer verifies it. */
export function OutcomeDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const outcome = useOutcome(id);
  const act = useOutcomeAction();
  const evidence = useEvidenceText();
  const [editing, setEditing] = useState(false);
  const o = outcome.data;
  if (!o) return null;
  const ownDistrict = me?.orgUnit.code === o.orgUnitCode;
  const mayChange =
    ownDistrict && !!me && SERVICE_RECORDERS.includes(me.role) && (can(me, 'pipeline.write') || o.recordedBy.id === me.user.id);
  const officer = ownDistrict && can(me, 'pipeline.write');
  const recordedByMe = o.recordedBy.id === me?.user.id;
  const run = (action: 'verify' | 'unverify' | 'delete') =>
    act.mutate({ outcome: o, action }, { onSuccess: action === 'delete' ? onClose : undefined });
  if (editing) return <OutcomeForm outcome={o} unit={o.orgUnitCode} onClose={() => setEditing(false)} />;
  return (
    <Modal opened onClose={onClose} title={`${t(`outcomes.kinds.${o.kind}`)} · ${o.group.name}`} size="lg">
      <Stack>
        <Group>
          <VerifiedBadge outcome={o} />
        </Group>
        <ErrorAlert error={act.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('outcomes.fields.happenedOn')}>{formatDate(o.happenedOn, language)}</Fact>
          <Fact label={t('outcomes.fields.reportedOn')}>{formatDate(o.reportedOn, language)}</Fact>
          <Fact label={t('outcomes.fields.recordedBy')}>{o.recordedBy.name}</Fact>
          <Fact label={t('outcomes.fields.verifiedBy')}>
            {o.verifiedBy ? `${o.verifiedBy.name} · ${formatDate(o.verifiedAt!.slice(0, 10), language)}` : '—'}
          </Fact>
        </SimpleGrid>
        <Fact label={t('outcomes.evidence')}>{evidence(o) || '—'}</Fact>
        <Fact label={t('outcomes.fields.description')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text>
        </Fact>
        <Attachments
          uploadTo={{ path: '/api/outcomes/{id}/attachments', id: o.id }}
          items={o.attachments}
          canUpload={mayChange && !o.verifiedBy}
          refreshes={outcomesKeys.all}
        />
        {officer && !o.verifiedBy && recordedByMe && <Alert color="gray">{t('outcomes.ownRecord')}</Alert>}
        {o.verifiedBy && mayChange && <Text size="sm">{t('outcomes.lockedHint')}</Text>}
        <Group justify="flex-end" gap="xs">
          {mayChange && !o.verifiedBy && (
            <>
              <Button variant="subtle" color="red" loading={act.isPending} onClick={() => run('delete')}>
                {t('outcomes.delete')}
              </Button>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('outcomes.edit')}
              </Button>
            </>
          )}
          {officer && o.verifiedBy && (
            <Button variant="light" loading={act.isPending} onClick={() => run('unverify')}>
              {t('outcomes.unverify')}
            </Button>
          )}
          {officer && !o.verifiedBy && !recordedByMe && (
            <Button loading={act.isPending} onClick={() => run('verify')}>
              {t('outcomes.verify')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
