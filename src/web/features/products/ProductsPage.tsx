import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { PRODUCT_CATEGORIES, type Product } from '#shared/products';
import { formatBaht } from '#shared/thai/money';
import { RecordsEmpty } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useProductList } from './api';
import { ProductForm } from './ProductForm';

/** "1,200.00 / ผืน", or a dash when no price is recorded. */
export const priceText = (p: Pick<Product, 'priceSatang' | 'unit'>) =>
  p.priceSatang ? `${formatBaht(BigInt(p.priceSatang))}${p.unit ? ` / ${p.unit}` : ''}` : '—';

export function ProductsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [category, setCategory] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, q: debouncedQ, category, page, pageSize: 20 };
  const list = useProductList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);
  const open = (id: number) => navigate({ to: '/products/$id', params: { id: String(id) }, search: { unit } });

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.products')}
        addLabel={t('records.addKind.product')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
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
        exportFrom={{ path: '/api/products', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(p) => open(p.id)}
        empty={
          <RecordsEmpty kind="product" filtered={!!debouncedQ || !!category} onAdd={canAdd ? () => setAdding(true) : undefined} />
        }
        columns={[
          { label: t('fields.name'), render: (p) => p.name },
          { label: t('fields.category'), render: (p) => t(`categories.${p.category}`) },
          { label: t('fields.producer'), render: (p) => p.producerName, key: true },
          { label: t('fields.price'), render: priceText, key: true },
          {
            label: t('fields.stars'),
            render: (p) => (p.ratings[0] ? `${'★'.repeat(p.ratings[0].stars)} (${p.ratings[0].year})` : '—'),
            key: true,
          },
        ]}
      />
      {adding && unit && <ProductForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
