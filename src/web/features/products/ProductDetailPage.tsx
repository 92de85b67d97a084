import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordLink, RecordSection } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCertificationList, useStandardName } from '../certifications/api';
import { CertificateStatus } from '../certifications/CertificateStatus';
import { CertificationForm } from '../certifications/CertificationForm';
import { productsKeys, useProduct } from './api';
import { ProductForm } from './ProductForm';
import { priceText } from './ProductsPage';

/** One product: who makes it, its price and story, OPC results, photos and its certificates. */
export function ProductDetailPage() {
  const { t } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const product = useProduct(id);
  const certificates = useCertificationList({ productId: id, pageSize: 100 });
  const standardName = useStandardName();
  const [editing, setEditing] = useState(false);
  const [certifying, setCertifying] = useState(false);
  if (product.error) return <ErrorAlert error={product.error} />;
  if (!product.data) return <Skeleton h={300} />;
  const p = product.data;
  const canWrite = can(me, 'pipeline.write');

  return (
    <Stack>
      <RecordHeader
        list="/products"
        listLabel={t('pipelineNav.products')}
        title={p.name}
        badges={<StatusBadge>{t(`categories.${p.category}`)}</StatusBadge>}
        actions={
          canWrite && (
            <>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button variant="light" onClick={() => setCertifying(true)}>
                {t('records.addKind.certification')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.producer')}>
            <RecordLink to="/producers/$id" id={p.producerId}>
              {p.producerName}
            </RecordLink>
          </Fact>
          <Fact label={t('fields.price')}>{priceText(p)}</Fact>
          <Fact label={t('fields.quadrant')}>{p.quadrant ? t(`records.quadrants.${p.quadrant}`) : '—'}</Fact>
          <Fact label={t('records.opcResults')}>
            {p.ratings.length
              ? p.ratings.map((r) => `${'★'.repeat(r.stars)} ${t('records.opcRound', { year: r.year })}`).join(', ')
              : '—'}
          </Fact>
        </SimpleGrid>
        {p.description && <Text mt="md">{p.description}</Text>}
        {p.story && (
          <Stack mt="md" gap={0}>
            <Fact label={t('fields.story')}>{p.story}</Fact>
          </Stack>
        )}
      </Card>
      <RecordSection title={t('records.certificates')} empty={certificates.data?.total === 0}>
        {!certificates.data ? (
          <Skeleton h={24} />
        ) : (
          certificates.data.items.map((c) => (
            <Group key={c.id} gap="xs">
              <RecordLink to="/certifications/$id" id={c.id}>
                {standardName(c.standardCode)} {c.certificateNo}
              </RecordLink>
              <CertificateStatus status={c.status} expiresOn={c.expiresOn} />
            </Group>
          ))
        )}
      </RecordSection>
      <Card withBorder>
        <Attachments
          uploadTo={{ path: '/api/products/{id}/attachments', id: p.id }}
          items={p.attachments}
          canUpload={canWrite}
          refreshes={productsKeys.all}
        />
      </Card>
      {editing && <ProductForm product={p} unit={p.orgUnitCode} onClose={() => setEditing(false)} />}
      {certifying && (
        <CertificationForm
          unit={p.orgUnitCode}
          product={{ id: p.id, name: `${p.name} · ${p.producerName}` }}
          onClose={() => setCertifying(false)}
        />
      )}
    </Stack>
  );
}
