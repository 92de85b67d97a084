import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import type { GroupDetail } from '#shared/groups';
import { formatBaht } from '#shared/thai/index';
import { RecordSection } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useFundingList, useSourceName } from '../funding/api';
import { STATUS_COLOR } from '../funding/FundingPage';
import { useOutcomeList } from '../outcomes/api';
import { OutcomeDialog, VerifiedBadge } from '../outcomes/OutcomeDialog';
import { OutcomeForm } from '../outcomes/OutcomeForm';
import { useSalesSummary } from './api';
import { SaleForm } from './SaleForm';
import { SalesChart } from './SalesChart';

/** A group's monthly income by channel: the chart, with its figures as a table beneath. */
export function GroupSales({ group }: { group: GroupDetail }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const summary = useSalesSummary({ groupId: group.id });
  const [adding, setAdding] = useState(false);
  const canWrite = me?.orgUnit.code === group.orgUnitCode && can(me, 'pipeline.write');
  return (
    <Card withBorder data-testid="group-sales">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('sales.groupTitle')}
        </Title>
        {canWrite && (
          <Anchor component="button" type="button" onClick={() => setAdding(true)}>
            {t('sales.add')}
          </Anchor>
        )}
      </Group>
      {summary.data &&
        (summary.data.points.length ? <SalesChart summary={summary.data} /> : <Text c="gray.7">{t('sales.groupEmpty')}</Text>)}
      {adding && <SaleForm unit={group.orgUnitCode} group={group} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** The group's funding applications and their decisions. */
export function GroupFunding({ groupId }: { groupId: number }) {
  const { t, language } = useLanguage();
  const sourceName = useSourceName();
  const list = useFundingList({ groupId, pageSize: 20 });
  const items = list.data?.items ?? [];
  return (
    <RecordSection title={t('funding.groupTitle', { count: list.data?.total ?? 0 })} empty={!!list.data && !items.length}>
      <Stack gap="xs" data-testid="group-funding">
        {items.map((f) => (
          <Stack key={f.id} gap={2} align="flex-start">
            <Text fw={600}>{sourceName(f.sourceCode)}</Text>
            <Text size="sm" c="gray.7">
              {formatDate(f.appliedOn, language)} · {formatBaht(BigInt(f.approvedSatang ?? f.askedSatang))} {t('sales.baht')}
            </Text>
            <StatusBadge color={STATUS_COLOR[f.status]}>{t(`funding.statuses.${f.status}`)}</StatusBadge>
          </Stack>
        ))}
      </Stack>
    </RecordSection>
  );
}

/** The group's outcomes, verified or waiting, each opening with its evidence. */
export function GroupOutcomes({ group }: { group: GroupDetail }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const list = useOutcomeList({ groupId: group.id, pageSize: 20 });
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const canRecord = me?.orgUnit.code === group.orgUnitCode && SERVICE_RECORDERS.includes(me.role);
  return (
    <RecordSection
      title={t('outcomes.groupTitle', { count: list.data?.total ?? 0 })}
      empty={!!list.data && !items.length && !canRecord}
    >
      <Stack gap="xs" data-testid="group-outcomes">
        {canRecord && (
          <Anchor component="button" type="button" onClick={() => setAdding(true)} ta="left">
            {t('outcomes.add')}
          </Anchor>
        )}
        {items.map((o) => (
          <Stack key={o.id} gap={2} align="flex-start">
            <Anchor component="button" type="button" ta="left" onClick={() => setOpen(o.id)}>
              {t(`outcomes.kinds.${o.kind}`)} · {formatDate(o.happenedOn, language)}
            </Anchor>
            <VerifiedBadge outcome={o} />
          </Stack>
        ))}
      </Stack>
      {open && <OutcomeDialog id={open} onClose={() => setOpen(null)} />}
      {adding && <OutcomeForm unit={group.orgUnitCode} group={group} onClose={() => setAdding(false)} />}
    </RecordSection>
  );
}

/** The money side of a group's page: its sales chart, then its funding and outcomes side by side. */
export function GroupMoney({ group }: { group: GroupDetail }) {
  return (
    <Stack>
      <GroupSales group={group} />
      <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
        <GroupFunding groupId={group.id} />
        <GroupOutcomes group={group} />
      </Group>
    </Stack>
  );
}
