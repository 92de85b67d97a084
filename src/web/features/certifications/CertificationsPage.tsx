import { Badge, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Certification, createCertificationBody, updateCertificationBody } from '#shared/certifications';
import { isDistrict } from '#shared/fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useProductOptions } from '../products/api';
import { useCertificationList, useSaveCertification } from './api';

export const certColor = { valid: 'green.9', expiring: 'orange.9', expired: 'red.9' } as const;

function CertificationForm({ cert, unit, onClose }: { cert?: Certification; unit: string; onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const save = useSaveCertification();
  const standards = useCodeList('standard');
  const products = useProductOptions(unit, (p) => `${p.name} · ${p.producerName}`);
  const form = useSchemaForm({
    schema: cert ? updateCertificationBody : createCertificationBody,
    initialValues: {
      productId: cert?.productId ? String(cert.productId) : '',
      standardCode: cert?.standardCode ?? '',
      certificateNo: cert?.certificateNo ?? '',
      issuer: cert?.issuer ?? '',
      issuedOn: cert?.issuedOn ?? todayIso(),
      expiresOn: cert?.expiresOn ?? null,
    },
    toBody: (v) => ({
      ...(cert ? { version: cert.version } : {}),
      ...(cert?.producerId ? { producerId: cert.producerId } : { productId: Number(v.productId) || undefined }),
      standardCode: v.standardCode,
      certificateNo: v.certificateNo,
      issuer: v.issuer,
      issuedOn: v.issuedOn,
      expiresOn: v.expiresOn ?? undefined,
    }),
    // A certificate belongs to a product or a producer (the schema leaves both optional); it cannot expire before issue.
    check: (v) => ({
      ...(!cert?.producerId && !v.productId ? { productId: t('validation.required') } : {}),
      ...(v.expiresOn && v.expiresOn < v.issuedOn ? { expiresOn: t('validation.expiryBeforeIssue') } : {}),
    }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate({ id: cert?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={cert ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          {!cert?.producerId && (
            <Select label={t('fields.product')} required searchable data={products} {...form.getInputProps('productId')} />
          )}
          <Select
            label={t('fields.standard')}
            required
            data={(standards.data ?? []).map((s) => ({ value: s.code, label: nameOf(s) }))}
            {...form.getInputProps('standardCode')}
          />
          <Group grow>
            <TextInput label={t('fields.certificateNo')} required {...form.getInputProps('certificateNo')} />
            <TextInput label={t('fields.issuer')} required {...form.getInputProps('issuer')} />
          </Group>
          <Group grow>
            <ThaiDateInput label={t('fields.issuedOn')} required {...form.getInputProps('issuedOn')} />
            <ThaiDateInput label={t('fields.expiresOn')} clearable {...form.getInputProps('expiresOn')} />
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
  const list = useCertificationList({
    unit,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: 20,
  });
  const canWrite = can(me, 'pipeline.write') && isDistrict(unit);
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
