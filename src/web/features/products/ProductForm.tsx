import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { createProductBody, PRODUCT_CATEGORIES, type Product, productChange, QUADRANTS } from '#shared/products';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { todayIso } from '../../dates';
import { createOrUpdate, useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useProducerOptions } from '../producers/api';
import { useSaveProduct } from './api';

type Rating = { year: number; stars: number };

/** OTOP Product Champion results, one per round (BE year), 1–5 stars. */
function OpcRatings({
  ratings,
  onChange,
  errors,
}: {
  ratings: Rating[];
  onChange: (ratings: Rating[]) => void;
  errors: FormErrors;
}) {
  const { t } = useLanguage();
  const thisYear = fiscalYearOf(todayIso()).fiscalYear;
  return (
    <Stack gap={4}>
      {ratings.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; two may share a year while typing
        <Group key={i} gap="xs" wrap="nowrap">
          <NumberField
            aria-label={`${t('fields.opcYear')} ${i + 1}`}
            label={i === 0 ? t('fields.opcYear') : undefined}
            min={2546}
            max={2700}
            value={r.year}
            error={errors[`ratings.${i}.year`]}
            onChange={(v) => onChange(ratings.map((x, j) => (j === i ? { ...x, year: Number(v) } : x)))}
            w={120}
          />
          <Select
            aria-label={`${t('fields.stars')} ${i + 1}`}
            label={i === 0 ? t('fields.stars') : undefined}
            data={['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: '★'.repeat(Number(n)) }))}
            value={String(r.stars)}
            allowDeselect={false}
            onChange={(v) => v && onChange(ratings.map((x, j) => (j === i ? { ...x, stars: Number(v) } : x)))}
            w={140}
          />
          <Button
            variant="subtle"
            color="red.9"
            c="red.9"
            size="compact-xs"
            mt={i === 0 ? 24 : 0}
            onClick={() => onChange(ratings.filter((_, j) => j !== i))}
          >
            {t('expenses.remove')}
          </Button>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...ratings, { year: thisYear - (thisYear % 2), stars: 3 }])}
      >
        {t('fields.addRating')}
      </Button>
    </Stack>
  );
}

export function ProductForm({
  product,
  unit,
  producer,
  onClose,
}: {
  product?: Product;
  unit: string;
  /** The producer a new product is for, when added from the producer's page (named, as the picker shows it). */
  producer?: { id: number; name: string };
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const save = useSaveProduct();
  const producers = useProducerOptions(
    unit,
    (p) => `${p.ownerName} (${p.registrationNo})`,
    product ? [{ id: product.producerId, name: product.producerName }] : producer ? [producer] : [],
  );
  const form = useSchemaForm({
    schema: createOrUpdate(product, createProductBody, productChange),
    initialValues: {
      producerId: String(product?.producerId ?? producer?.id ?? ''),
      name: product?.name ?? '',
      category: product?.category ?? 'food',
      description: product?.description ?? '',
      story: product?.story ?? '',
      price: product?.priceSatang ? formatBaht(BigInt(product.priceSatang)).replace(/,/g, '') : '',
      unit: product?.unit ?? '',
      quadrant: product?.quadrant ?? null,
      ratings: (product?.ratings ?? []) as Rating[],
    },
    toBody: (v) => ({
      ...(product ? { version: product.version } : {}),
      ratings: v.ratings,
      producerId: Number(v.producerId) || undefined,
      name: v.name,
      category: v.category,
      description: v.description,
      story: v.story,
      priceSatang: v.price.trim() ? String(parseBahtOrNull(v.price) ?? '') : undefined,
      unit: v.unit || undefined,
      quadrant: v.quadrant ?? undefined,
    }),
    fieldOf: { priceSatang: 'price' },
    check: (v) => (v.price.trim() && parseBahtOrNull(v.price) === null ? { price: t('validation.baht') } : {}),
  });
  const submit = form.onSubmit((values) =>
    save.mutate({ id: product?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={product ? t('records.editKind.product', { name: product.name }) : t('records.addKind.product')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select label={t('fields.producer')} required searchable {...producers} {...form.getInputProps('producerId')} />
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('fields.category')}
            data={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('category')}
          />
          <Textarea label={t('fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <Textarea label={t('fields.story')} autosize minRows={2} {...form.getInputProps('story')} />
          <Group grow>
            <TextInput label={t('fields.price')} inputMode="decimal" {...form.getInputProps('price')} />
            <TextInput label={t('fields.unit')} {...form.getInputProps('unit')} />
          </Group>
          <Select
            label={t('fields.quadrant')}
            clearable
            data={QUADRANTS.map((q) => ({ value: q, label: t(`records.quadrants.${q}`) }))}
            {...form.getInputProps('quadrant')}
          />
          <OpcRatings
            ratings={form.values.ratings}
            onChange={(ratings) => form.setFieldValue('ratings', ratings)}
            errors={form.errors}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
