import { Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { Committee } from '#shared/committees';
import { isDistrict } from '#shared/fields';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCommitteeList } from './api';
import { CompositionBadge } from './CompositionParts';
import { ExceptionsSection } from './ExceptionsSection';

/** Whether the signed-in user records the committee of this district (its own district officer). */
export function useMayWriteCommittee(orgUnitCode: string | undefined) {
  const { data: me } = useMe();
  return !!me && !!orgUnitCode && me.orgUnit.code === orgUnitCode && can(me, 'pipeline.write');
}

/** The committee terms of the unit in view, newest first, each with its composition; the department's exceptions. */
export function CommitteesPage() {
  const { t, language, nameOf } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { page, setPage } = usePage();
  const exportParams = { unit, page, pageSize: 20 };
  const list = useCommitteeList(exportParams, !!unit);
  const mayWrite = useMayWriteCommittee(isDistrict(unit) ? unit : undefined);
  const today = todayIso();
  const add = mayWrite ? () => navigate({ to: '/committees/new', search: { unit } }) : undefined;
  const open = (c: Committee) => navigate({ to: '/committees/$id', params: { id: String(c.id) }, search: { unit } });
  return (
    <Stack>
      <PageHeader title={t('committees.title')} addLabel={t('committees.add')} onAdd={add} />
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/committees', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          <EmptyState
            title={t('committees.empty')}
            hint={t('committees.emptyHint')}
            actionLabel={t('committees.add')}
            onAction={add}
          />
        }
        columns={[
          ...(isDistrict(unit)
            ? []
            : [
                {
                  label: t('committees.fields.district'),
                  render: (c: Committee) => nameOf({ nameTh: c.unitNameTh, nameEn: c.unitNameEn }),
                  key: true,
                },
              ]),
          { label: t('committees.fields.orderNumber'), render: (c) => c.orderNumber, key: true },
          { label: t('committees.fields.orderDate'), render: (c) => formatDate(c.orderDate, language) },
          {
            label: t('committees.fields.term'),
            render: (c) => (
              <Text size="sm">
                {formatDate(c.termStart, language)} – {formatDate(c.termEnd, language)}
                {c.termEnd < today ? ` (${t('committees.ended')})` : c.termStart <= today ? ` (${t('committees.current')})` : ''}
              </Text>
            ),
            key: true,
          },
          { label: t('committees.fields.memberCount'), render: (c) => c.memberCount },
          {
            label: t('committees.fields.composition'),
            render: (c) => <CompositionBadge composition={c.composition} />,
            key: true,
          },
        ]}
      />
      {can(me, 'committees.exception') && <ExceptionsSection />}
    </Stack>
  );
}
