import { Group, Select, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { NEED_AREAS, NEED_PRIORITIES, type NeedsAnalysis } from '#shared/needs';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGroupOptions } from '../groups/api';
import { useNeedsList } from './api';
import { NeedsForm } from './NeedsForm';

/** The groups' needs analyses of the unit, by group, area and priority; one opens on its group's page. */
export function NeedsPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const groups = useGroupOptions(unit, (g) => g.name);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, groupId, area, priority, page, pageSize: 20 };
  const list = useNeedsList(exportParams, !!unit);
  const canAdd = isDistrict(unit) && me?.orgUnit.code === unit && can(me, 'pipeline.write');
  const open = (a: NeedsAnalysis) => navigate({ to: '/groups/$id', params: { id: String(a.groupId) }, search: { unit } });
  return (
    <Stack>
      <PageHeader title={t('needs.title')} addLabel={t('needs.add')} onAdd={canAdd ? () => setAdding(true) : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('needs.fields.group')}
          placeholder={t('needs.filters.allGroups')}
          clearable
          searchable
          {...groups}
          value={groupId}
          onChange={filter(setGroupId)}
        />
        <Select
          label={t('needs.fields.area')}
          placeholder={t('needs.filters.allAreas')}
          clearable
          data={NEED_AREAS.map((a) => ({ value: a, label: t(`needs.areas.${a}`) }))}
          value={area}
          onChange={filter(setArea)}
        />
        <Select
          label={t('needs.fields.priority')}
          placeholder={t('needs.filters.allPriorities')}
          clearable
          data={NEED_PRIORITIES.map((p) => ({ value: String(p), label: t(`needs.priorities.${p}`) }))}
          value={priority}
          onChange={filter(setPriority)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/needs', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          groupId || area || priority ? (
            <EmptyState title={t('needs.noMatch')} />
          ) : (
            <EmptyState
              title={t('needs.empty')}
              hint={t('needs.emptyHint')}
              actionLabel={t('needs.add')}
              onAction={canAdd ? () => setAdding(true) : undefined}
            />
          )
        }
        columns={[
          { label: t('needs.fields.group'), render: (a) => a.groupName },
          { label: t('needs.fields.analysedOn'), render: (a) => formatDate(a.analysedOn, language), key: true },
          {
            label: t('needs.fields.area'),
            render: (a) =>
              [
                ...new Set(a.items.filter((i) => i.priority === a.items[0]?.priority).map((i) => t(`needs.areas.${i.area}`))),
              ].join(', '),
            key: true,
          },
          { label: t('needs.fields.items'), render: (a) => t('needs.itemCount', { count: a.items.length }) },
        ]}
      />
      {adding && unit && <NeedsForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
