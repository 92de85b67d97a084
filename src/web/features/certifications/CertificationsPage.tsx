import { Badge, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Certification } from '#shared/certifications';
import type { Product } from '#shared/products';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode } from '../home/units';
import { useCodeList, useOptions, useRecordList, useSaveRecord } from '../records/records';

export const certColor = { valid: 'green.9', expiring: 'orange.9', expired: 'red.9' } as const;

function CertificationForm({ cert, unit, onClose }: { cert?: Certification; unit: string; onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const save = useSaveRecord<Certification>('/api/certifications');
  const standards = useCodeList('standard');
  const products = useOptions<Product>('/api/products', unit, (p) => `${p.name} · ${p.producerName}`);
  const [form, setForm] = useState({
    productId: cert?.productId ? String(cert.productId) : '',
    standardCode: cert?.standardCode ?? '',
    certificateNo: cert?.certificateNo ?? '',
    issuer: cert?.issuer ?? '',
    issuedOn: cert?.issuedOn ?? todayIso(),
    expiresOn: cert?.expiresOn ?? null,
  });
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...(cert ? { version: cert.version } : {}),
      ...(cert?.producerId ? { producerId: cert.producerId } : { productId: Number(form.productId) || undefined }),
      standardCode: form.standardCode,
      certificateNo: form.certificateNo,
      issuer: form.issuer,
      issuedOn: form.issuedOn,
      expiresOn: form.expiresOn ?? undefined,
    };
    save.mutate({ id: cert?.id, body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={cert ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {!cert?.producerId && (
            <Select
              label={t('fields.product')}
              required
              searchable
              data={products}
              value={form.productId || null}
              onChange={(v) => set('productId')(v ?? '')}
            />
          )}
          <Select
            label={t('fields.standard')}
            required
            data={(standards.data ?? []).map((s) => ({ value: s.code, label: nameOf(s) }))}
            value={form.standardCode || null}
            onChange={(v) => set('standardCode')(v ?? '')}
          />
          <Group grow>
            <TextInput
              label={t('fields.certificateNo')}
              required
              value={form.certificateNo}
              onChange={(e) => set('certificateNo')(e.currentTarget.value)}
            />
            <TextInput
              label={t('fields.issuer')}
              required
              value={form.issuer}
              onChange={(e) => set('issuer')(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <ThaiDateInput
              label={t('fields.issuedOn')}
              required
              value={form.issuedOn}
              onChange={(v) => set('issuedOn')(v ?? todayIso())}
            />
            <ThaiDateInput label={t('fields.expiresOn')} clearable value={form.expiresOn} onChange={set('expiresOn')} />
          </Group>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CertificationsPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const standards = useCodeList('standard');
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Certification | 'new' | null>(null);
  const list = useRecordList<Certification>('/api/certifications', {
    unit,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: 20,
  });
  const canWrite = can(me, 'pipeline.write') && unit?.length === 4;
  const standardName = (code: string) => {
    const s = standards.data?.find((x) => x.code === code);
    return s ? nameOf(s) : code;
  };

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.certifications')}
        addLabel={t('records.add')}
        onAdd={canWrite ? () => setEditing('new') : undefined}
      />
      <SegmentedControl
        aria-label={t('fields.status')}
        data={[
          { value: 'all', label: t('common.all') },
          { value: 'expiring', label: t('records.expiringSoon') },
          { value: 'expired', label: t('certStatuses.expired') },
          { value: 'valid', label: t('certStatuses.valid') },
        ]}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <RecordList
        data={list.data}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (c) => setEditing(c) : undefined}
        columns={[
          { label: t('fields.standard'), render: (c) => standardName(c.standardCode) },
          { label: t('fields.certificateNo'), render: (c) => c.certificateNo },
          { label: t('fields.subject'), render: (c) => c.subject },
          { label: t('fields.expiresOn'), render: (c) => formatDate(c.expiresOn, language) },
          {
            label: t('fields.status'),
            render: (c) => <Badge color={certColor[c.status]}>{t(`certStatuses.${c.status}`)}</Badge>,
          },
        ]}
      />
      {editing && unit && (
        <CertificationForm cert={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
