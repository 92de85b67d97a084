import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { PARTNER_KINDS, type Partner } from '#shared/partners';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { usePartnerList } from './api';
import { PartnerForm } from './PartnerForm';

/** The district's partner agencies; its officers add and change them, everyone in scope reads them. */
export function PartnersPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { q, query, search, page, setPage } = useSearchState();
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const exportParams = { unit, q: query || undefined, kind, page, pageSize: 20 };
  const list = usePartnerList(exportParams, !!unit);
  const canWrite = can(me, 'pipeline.write') && isDistrict(unit);
  const filtered = !!query || !!kind;

  return (
    <Stack>
      <PageHeader
        title={t('partners.title')}
        addLabel={t('partners.add')}
        onAdd={canWrite ? () => setEditing('new') : undefined}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          aria-label={t('partners.search')}
          placeholder={t('partners.search')}
          value={q}
          onChange={(e) => search(e.currentTarget.value)}
        />
        <Select
          aria-label={t('partners.fields.kind')}
          placeholder={t('partners.allKinds')}
          clearable
          data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/partners', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (p) => setEditing(p) : undefined}
        empty={
          filtered ? (
            <EmptyState title={t('partners.noMatch')} />
          ) : (
            <EmptyState
              title={t('partners.empty')}
              hint={t('partners.emptyHint')}
              actionLabel={t('partners.add')}
              onAction={canWrite ? () => setEditing('new') : undefined}
            />
          )
        }
        columns={[
          { label: t('partners.fields.name'), render: (p) => p.name },
          { label: t('partners.fields.kind'), render: (p) => t(`partners.kinds.${p.kind}`), key: true },
          { label: t('partners.fields.contactPerson'), render: (p) => p.contactPerson, key: true },
          { label: t('partners.fields.phone'), render: (p) => p.phone ?? '', key: true },
          { label: t('partners.fields.email'), render: (p) => p.email ?? '' },
        ]}
      />
      {editing && unit && (
        <PartnerForm partner={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
