import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Producer } from '#shared/producers';
import { PRODUCT_CATEGORIES, type Product, type ProductDetail, QUADRANTS } from '#shared/products';
import { formatBaht, parseBaht } from '#shared/thai/money';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode } from '../home/units';
import { useOptions, useRecord, useRecordList, useSaveRecord, useSearchState } from '../records/records';

type Rating = { year: number; stars: number };

/** OTOP Product Champion results, one per round (BE year), 1–5 stars. */
function OpcRatings({ ratings, onChange }: { ratings: Rating[]; onChange: (ratings: Rating[]) => void }) {
  const { t } = useLanguage();
  const thisYear = new Date().getFullYear() + 543;
  return (
    <Stack gap={4}>
      {ratings.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; two may share a year while typing
        <Group key={i} gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={`${t('fields.opcYear')} ${i + 1}`}
            label={i === 0 ? t('fields.opcYear') : undefined}
            min={2546}
            max={2700}
            value={r.year}
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

export function ProductForm({ product, unit, onClose }: { product?: Product; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveRecord<Product>('/api/products');
  const detail = useRecord<ProductDetail>(product ? `/api/products/${product.id}` : null);
  const producers = useOptions<Producer>('/api/producers', unit, (p) => `${p.ownerName} (${p.registrationNo})`);
  const [form, setForm] = useState({
    producerId: product ? String(product.producerId) : '',
    name: product?.name ?? '',
    category: product?.category ?? 'food',
    description: product?.description ?? '',
    story: product?.story ?? '',
    price: product?.priceSatang ? formatBaht(BigInt(product.priceSatang)).replace(/,/g, '') : '',
    unit: product?.unit ?? '',
    quadrant: product?.quadrant ?? null,
  });
  const [priceError, setPriceError] = useState<string | null>(null);
  const [ratings, setRatings] = useState(product?.ratings ?? []);
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let priceSatang: string | undefined;
    try {
      priceSatang = form.price.trim() ? String(parseBaht(form.price)) : undefined;
      setPriceError(null);
    } catch {
      setPriceError(t('fields.price'));
      return;
    }
    const body = {
      ...(product ? { version: product.version } : {}),
      ratings,
      producerId: Number(form.producerId) || undefined,
      name: form.name,
      category: form.category,
      description: form.description,
      story: form.story,
      priceSatang,
      unit: form.unit || undefined,
      quadrant: form.quadrant ?? undefined,
    };
    save.mutate({ id: product?.id, body }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={product ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label={t('fields.producer')}
            required
            searchable
            data={producers}
            value={form.producerId || null}
            onChange={(v) => set('producerId')(v ?? '')}
          />
          <TextInput label={t('fields.name')} required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <Select
            label={t('fields.category')}
            data={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            value={form.category}
            onChange={(v) => v && set('category')(v as typeof form.category)}
            allowDeselect={false}
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <Textarea
            label={t('fields.story')}
            autosize
            minRows={2}
            value={form.story}
            onChange={(e) => set('story')(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('fields.price')}
              inputMode="decimal"
              error={priceError}
              value={form.price}
              onChange={(e) => set('price')(e.currentTarget.value)}
            />
            <TextInput label={t('fields.unit')} value={form.unit} onChange={(e) => set('unit')(e.currentTarget.value)} />
            <Select
              label={t('fields.quadrant')}
              clearable
              data={[...QUADRANTS]}
              value={form.quadrant}
              onChange={(v) => set('quadrant')(v as typeof form.quadrant)}
            />
          </Group>
          <OpcRatings ratings={ratings} onChange={setRatings} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
      {product && detail.data && (
        <Attachments uploadPath={`/api/products/${product.id}/attachments`} items={detail.data.attachments} canUpload />
      )}
    </Modal>
  );
}

export function ProductsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [category, setCategory] = useState<string | null>(null);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const list = useRecordList<Product>('/api/products', { unit, q: debouncedQ, category, page, pageSize: 20 });
  const canWrite = can(me, 'pipeline.write') && unit?.length === 4;

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.products')}
        addLabel={t('records.add')}
        onAdd={canWrite ? () => setEditing('new') : undefined}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} miw={200} />
        <Select
          label={t('fields.category')}
          clearable
          placeholder={t('common.all')}
          data={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          miw={200}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        data={list.data}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (p) => setEditing(p) : undefined}
        columns={[
          { label: t('fields.name'), render: (p) => p.name },
          { label: t('fields.category'), render: (p) => t(`categories.${p.category}`) },
          { label: t('fields.producer'), render: (p) => p.producerName },
          {
            label: t('fields.price'),
            render: (p) => (p.priceSatang ? `${formatBaht(BigInt(p.priceSatang))}${p.unit ? ` / ${p.unit}` : ''}` : '—'),
          },
          {
            label: t('fields.stars'),
            render: (p) => (p.ratings[0] ? `${'★'.repeat(p.ratings[0].stars)} (${p.ratings[0].year})` : '—'),
          },
        ]}
      />
      {editing && unit && (
        <ProductForm product={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
