import { Badge, Card, Group, Select, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import type { Sale } from '#shared/sales';
import { formatBaht } from '#shared/thai/index';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { useCodeList, usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGroupOptions } from '../groups/api';
import { monthLabel, recentMonths } from '../services/months';
import { useChannelName, useSaleList, useSalesSummary } from './api';
import { SaleForm } from './SaleForm';
import { SalesChart } from './SalesChart';

/** The unit's monthly sales: the income chart by channel (and by unit for a province), the rows, and their entry. */
export function SalesPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const channelName = useChannelName();
  const channels = useCodeList('sales_channel');
  const groups = useGroupOptions(unit, (g) => g.name);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const [editing, setEditing] = useState<{ sale?: Sale } | null>(null);
  const exportParams = { unit, groupId, channel, from, to, page, pageSize: 20 };
  const list = useSaleList(exportParams, !!unit);
  const summary = useSalesSummary({ unit }, !!unit);
  const canWrite = isDistrict(unit) && me?.orgUnit.code === unit && can(me, 'pipeline.write');
  const months = recentMonths(todayIso(), 27).map((m) => ({ value: m, label: monthLabel(m, language) }));
  const filtered = !!(groupId || channel || from || to);

  return (
    <Stack>
      <PageHeader title={t('sales.title')} addLabel={t('sales.add')} onAdd={canWrite ? () => setEditing({}) : undefined} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('sales.chartTitle')}
        </Title>
        <ErrorAlert error={summary.error} />
        {summary.data && <SalesChart summary={summary.data} />}
        {!!summary.data?.units.length && (
          <Table.ScrollContainer minWidth={0} mt="sm">
            <Table data-testid="sales-by-unit">
              <Table.Caption c="gray.8">{t('sales.byUnit')}</Table.Caption>
              <Table.Tbody>
                {summary.data.units.map((u) => (
                  <Table.Tr key={u.code}>
                    <Table.Td>{nameOf(u)}</Table.Td>
                    <Table.Td ta="right">
                      {formatBaht(BigInt(u.amountSatang))} {t('sales.baht')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('sales.filters.group')}
          placeholder={t('sales.filters.allGroups')}
          clearable
          searchable
          {...groups}
          value={groupId}
          onChange={filter(setGroupId)}
        />
        <Select
          label={t('sales.filters.channel')}
          placeholder={t('sales.filters.allChannels')}
          clearable
          data={(channels.data ?? []).map((c) => ({ value: c.code, label: nameOf(c) }))}
          value={channel}
          onChange={filter(setChannel)}
        />
        <Select
          label={t('sales.filters.from')}
          placeholder={t('sales.filters.anyMonth')}
          clearable
          data={months}
          value={from}
          onChange={filter(setFrom)}
        />
        <Select
          label={t('sales.filters.to')}
          placeholder={t('sales.filters.anyMonth')}
          clearable
          data={months}
          value={to}
          onChange={filter(setTo)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/sales', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (sale) => setEditing({ sale }) : undefined}
        empty={
          filtered ? (
            <EmptyState title={t('sales.noMatch')} />
          ) : (
            <EmptyState
              title={t('sales.empty')}
              hint={t('sales.emptyHint')}
              actionLabel={t('sales.add')}
              onAction={canWrite ? () => setEditing({}) : undefined}
            />
          )
        }
        columns={[
          { label: t('sales.fields.month'), render: (s) => monthLabel(s.month, language) },
          {
            label: t('sales.fields.seller'),
            render: (s) => (
              <Group gap={4} wrap="wrap">
                <Badge variant="light">{t(`sales.sellerKind.${s.product ? 'product' : 'group'}`)}</Badge>
                {s.group?.name ?? s.product?.name}
              </Group>
            ),
            key: true,
          },
          { label: t('sales.fields.channel'), render: (s) => channelName(s.channelCode), key: true },
          { label: t('sales.fields.quantity'), render: (s) => s.quantity ?? '—' },
          {
            label: t('sales.fields.amount'),
            render: (s) => formatBaht(BigInt(s.amountSatang)),
            key: true,
          },
        ]}
      />
      {editing && unit && <SaleForm sale={editing.sale} unit={unit} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
