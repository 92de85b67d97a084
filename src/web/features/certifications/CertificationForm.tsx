import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type Certification, certificationChange, createCertificationBody } from '#shared/certifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { createOrUpdate, useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useProductOptions } from '../products/api';
import { useSaveCertification } from './api';

export function CertificationForm({
  cert,
  unit,
  product,
  onClose,
}: {
  cert?: Certification;
  unit: string;
  /** The product a new certificate is for, when added from the product's page (named, as the picker shows it). */
  product?: { id: number; name: string };
  onClose: () => void;
}) {
  const { t, nameOf } = useLanguage();
  const save = useSaveCertification();
  const standards = useCodeList('standard');
  const products = useProductOptions(
    unit,
    (p) => `${p.name} · ${p.producerName}`,
    cert?.productId ? [{ id: cert.productId, name: cert.subject }] : product ? [product] : [],
  );
  const form = useSchemaForm({
    schema: createOrUpdate(cert, createCertificationBody, certificationChange),
    initialValues: {
      productId: String(cert?.productId ?? product?.id ?? ''),
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
    <Modal
      opened
      onClose={onClose}
      title={cert ? t('records.editKind.certification', { name: cert.certificateNo }) : t('records.addKind.certification')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          {!cert?.producerId && (
            <Select label={t('fields.product')} required searchable {...products} {...form.getInputProps('productId')} />
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
