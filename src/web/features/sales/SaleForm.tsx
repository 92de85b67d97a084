import { Button, Fieldset, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { createSaleBody, type Sale, saleChange } from '#shared/sales';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { LockedNote } from '../../components/LockedNote';
import { NumberField } from '../../components/NumberField';
import { todayIso } from '../../dates';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { useProductOptions } from '../products/api';
import { monthLabel, recentMonths } from '../services/months';
import { useDeleteSale, useSaveSale } from './api';

/** A month's sales of a group or one of the district's products through one channel; a correction keeps the row. */
/** `group`: the group a new month's sales are for, when added from the group's page. */
export function SaleForm({
  sale,
  unit,
  group,
  onClose,
}: {
  sale?: Sale;
  unit: string;
  group?: { id: number; name: string };
  onClose: () => void;
}) {
  const { t, language, nameOf } = useLanguage();
  const save = useSaveSale();
  const remove = useDeleteSale();
  const [confirming, setConfirming] = useState(false);
  // A sale of a locked quarter is shown, not offered for change: the server would refuse it.
  const locked = !!sale?.locked;
  const channels = useCodeList('sales_channel');
  const groups = useGroupOptions(unit, (g) => g.name, sale?.group ? [sale.group] : group ? [group] : []);
  const products = useProductOptions(unit, (p) => `${p.name} · ${p.producerName}`, sale?.product ? [sale.product] : []);
  const form = useSchemaForm({
    schema: sale ? saleChange : createSaleBody,
    initialValues: {
      seller: sale?.product ? 'product' : 'group',
      groupId: String(sale?.group?.id ?? group?.id ?? ''),
      productId: String(sale?.product?.id ?? ''),
      channelCode: sale?.channelCode ?? '',
      month: sale?.month ?? todayIso().slice(0, 7),
      quantity: (sale?.quantity ?? '') as number | string,
      amount: sale ? bahtText(sale.amountSatang) : '',
      note: sale?.note ?? '',
    },
    toBody: (v) => ({
      ...(sale ? { version: sale.version } : { orgUnitCode: unit }),
      groupId: v.seller === 'group' && v.groupId ? Number(v.groupId) : undefined,
      productId: v.seller === 'product' && v.productId ? Number(v.productId) : undefined,
      channelCode: v.channelCode,
      month: v.month,
      quantity: v.quantity === '' ? undefined : Number(v.quantity),
      amountSatang: satangOf(v.amount),
      note: v.note,
    }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => ({
      ...(bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
      ...(v.seller === 'product' && !v.productId ? { productId: t('validation.required') } : {}),
      ...(v.seller === 'group' && !v.groupId ? { groupId: t('validation.required') } : {}),
    }),
  });
  const values = form.getValues();
  const submit = form.onSubmit((v) =>
    save.mutate({ id: sale?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={sale ? t('sales.edit') : t('sales.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error ?? remove.error} fieldsShown />
          {locked && <LockedNote />}
          <Fieldset disabled={locked} variant="unstyled">
            <Stack>
              <SegmentedControl
                aria-label={t('sales.fields.seller')}
                data={(['group', 'product'] as const).map((k) => ({ value: k, label: t(`sales.sellerKind.${k}`) }))}
                {...form.getInputProps('seller')}
              />
              {values.seller === 'group' ? (
                <Select label={t('sales.fields.group')} required searchable {...groups} {...form.getInputProps('groupId')} />
              ) : (
                <Select
                  label={t('sales.fields.product')}
                  required
                  searchable
                  {...products}
                  {...form.getInputProps('productId')}
                />
              )}
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('sales.fields.channel')}
                  required
                  data={(channels.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }))}
                  {...form.getInputProps('channelCode')}
                />
                <Select
                  label={t('sales.fields.month')}
                  required
                  allowDeselect={false}
                  data={recentMonths(todayIso(), 27).map((m) => ({ value: m, label: monthLabel(m, language) }))}
                  {...form.getInputProps('month')}
                />
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput label={t('sales.fields.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
                <NumberField
                  label={t('sales.fields.quantity')}
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps('quantity')}
                />
              </Group>
              <TextInput label={t('sales.fields.note')} {...form.getInputProps('note')} />
            </Stack>
          </Fieldset>
          {sale && !locked && !confirming && (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} w="fit-content">
              {t('sales.delete')}
            </Button>
          )}
          {sale && confirming && (
            <Group justify="space-between">
              <Text size="sm">{t('sales.deleteConfirm')}</Text>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(sale, { onSuccess: onClose })}>
                {t('sales.delete')}
              </Button>
            </Group>
          )}
          <FormActions onCancel={onClose} saving={save.isPending} readOnly={locked} />
        </Stack>
      </form>
    </Modal>
  );
}
