import { Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordLink, RecordSection } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCertificationList, useStandardName } from '../certifications/api';
import { CertificateStatus } from '../certifications/CertificateStatus';
import { useProductList } from '../products/api';
import { ProductForm } from '../products/ProductForm';
import { priceText } from '../products/ProductsPage';
import { useProducer } from './api';
import { CHECKLIST, ProducerForm } from './ProducerForm';

/** One OTOP registration: its owner, eligibility, products and certificates. */
export function ProducerDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const producer = useProducer(id);
  const products = useProductList({ producerId: id, pageSize: 100 });
  const certificates = useCertificationList({ producerId: id, pageSize: 100 });
  const standardName = useStandardName();
  const [editing, setEditing] = useState(false);
  const [addingProduct, setAddingProduct] = useState(false);
  if (producer.error) return <ErrorAlert error={producer.error} />;
  if (!producer.data) return <Skeleton h={300} />;
  const p = producer.data;
  const canWrite = can(me, 'pipeline.write');

  return (
    <Stack>
      <RecordHeader
        list="/producers"
        listLabel={t('pipelineNav.producers')}
        title={p.ownerName}
        badges={<StatusBadge>{t(`producerStatuses.${p.status}`)}</StatusBadge>}
        actions={
          canWrite && (
            <>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button variant="light" onClick={() => setAddingProduct(true)}>
                {t('records.addKind.product')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.registrationNo')}>{p.registrationNo}</Fact>
          <Fact label={t('fields.owner')}>
            {p.groupId ? (
              <RecordLink to="/groups/$id" id={p.groupId}>
                {p.ownerName}
              </RecordLink>
            ) : p.personId ? (
              <RecordLink to="/people/$id" id={p.personId}>
                {p.ownerName}
              </RecordLink>
            ) : (
              p.ownerName
            )}
          </Fact>
          <Fact label={t('fields.producerType')}>{t(`producerTypes.${p.producerType}`)}</Fact>
          <Fact label={t('fields.fiscalYear')}>{p.fiscalYear}</Fact>
          <Fact label={t('fields.targetType')}>{t(`targetTypes.${p.targetType}`)}</Fact>
          <Fact label={t('fields.registeredOn')}>{formatDate(p.registeredOn, language)}</Fact>
          <Fact label={t('fields.publicContact')}>{p.publicContact || '—'}</Fact>
        </SimpleGrid>
        <Text size="xs" c="gray.7" mt="md">
          {t('records.eligibility')}
        </Text>
        <List size="sm" spacing={2}>
          {CHECKLIST.map((key) => (
            <List.Item key={key}>
              {p[key] ? '✓' : '✗'} {t(`fields.${key}`)}: {p[key] ? t('records.yes') : t('records.no')}
            </List.Item>
          ))}
        </List>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RecordSection title={t('pipelineNav.products')} empty={products.data?.total === 0}>
          {!products.data ? (
            <Skeleton h={24} />
          ) : (
            products.data.items.map((x) => (
              <Group key={x.id} gap="xs">
                <RecordLink to="/products/$id" id={x.id}>
                  {x.name}
                </RecordLink>
                <Text size="sm" c="gray.7">
                  {t(`categories.${x.category}`)} · {priceText(x)}
                </Text>
              </Group>
            ))
          )}
        </RecordSection>
        <RecordSection title={t('records.certificates')} empty={certificates.data?.total === 0}>
          {!certificates.data ? (
            <Skeleton h={24} />
          ) : (
            certificates.data.items.map((c) => (
              <Group key={c.id} gap="xs">
                <RecordLink to="/certifications/$id" id={c.id}>
                  {standardName(c.standardCode)} {c.certificateNo}
                </RecordLink>
                <Text size="sm" c="gray.7">
                  {c.subject}
                </Text>
                <CertificateStatus status={c.status} expiresOn={c.expiresOn} />
              </Group>
            ))
          )}
        </RecordSection>
      </SimpleGrid>
      {editing && <ProducerForm producer={p} unit={p.orgUnitCode} onClose={() => setEditing(false)} />}
      {addingProduct && (
        <ProductForm
          unit={p.orgUnitCode}
          producer={{ id: p.id, name: `${p.ownerName} (${p.registrationNo})` }}
          onClose={() => setAddingProduct(false)}
        />
      )}
    </Stack>
  );
}
