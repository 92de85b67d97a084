import { Group, Select, Stack } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import { isDistrict } from '#shared/fields';
import { OUTCOME_KINDS } from '#shared/outcomes';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useOutcomeList } from './api';
import { OutcomeDialog, useEvidenceText, VerifiedBadge } from './OutcomeDialog';
import { OutcomeForm } from './OutcomeForm';

type Verified = 'all' | 'yes' | 'no' | 'mine';

/** The unit's outcomes: verified or waiting (or waiting for me), by kind; recorded, opened, verified. */
export function OutcomesPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const evidence = useEvidenceText();
  // "My tasks" links here with ?toVerify=mine.
  const search = useSearch({ strict: false }) as { toVerify?: string };
  const [verified, setVerified] = useState<Verified>(search.toVerify === 'mine' ? 'mine' : 'all');
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const exportParams = {
    unit,
    kind,
    verified: verified === 'yes' || verified === 'no' ? verified : undefined,
    toVerify: verified === 'mine' ? 'mine' : undefined,
    page,
    pageSize: 20,
  };
  const list = useOutcomeList(exportParams, !!unit);
  const canRecord = isDistrict(unit) && me?.orgUnit.code === unit && !!me && SERVICE_RECORDERS.includes(me.role);
  const choices: Verified[] = can(me, 'pipeline.write') ? ['all', 'yes', 'no', 'mine'] : ['all', 'yes', 'no'];

  return (
    <Stack>
      <PageHeader
        title={t('outcomes.title')}
        addLabel={t('outcomes.add')}
        onAdd={canRecord ? () => setAdding(true) : undefined}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('outcomes.filters.verified')}
          allowDeselect={false}
          data={choices.map((c) => ({ value: c, label: t(`outcomes.filters.${c}`) }))}
          value={verified}
          onChange={(v) => {
            setVerified((v ?? 'all') as Verified);
            setPage(1);
          }}
        />
        <Select
          label={t('outcomes.filters.kind')}
          placeholder={t('outcomes.filters.allKinds')}
          clearable
          data={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomes.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/outcomes', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(o) => setOpen(o.id)}
        empty={
          verified !== 'all' || kind ? (
            <EmptyState title={t('outcomes.noMatch')} />
          ) : (
            <EmptyState
              title={t('outcomes.empty')}
              hint={t('outcomes.emptyHint')}
              actionLabel={t('outcomes.add')}
              onAction={canRecord ? () => setAdding(true) : undefined}
            />
          )
        }
        columns={[
          { label: t('outcomes.fields.kind'), render: (o) => t(`outcomes.kinds.${o.kind}`) },
          { label: t('outcomes.fields.group'), render: (o) => o.group.name, key: true },
          { label: t('outcomes.fields.happenedOn'), render: (o) => formatDate(o.happenedOn, language) },
          { label: t('outcomes.evidence'), render: evidence },
          { label: t('outcomes.fields.status'), render: (o) => <VerifiedBadge outcome={o} />, key: true },
        ]}
      />
      {adding && unit && <OutcomeForm unit={unit} onClose={() => setAdding(false)} />}
      {open && <OutcomeDialog id={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
