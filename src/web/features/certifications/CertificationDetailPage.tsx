import { Button, Card, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordLink } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCertification, useStandardName } from './api';
import { CertificateStatus } from './CertificateStatus';
import { CertificationForm } from './CertificationForm';

/** One certificate: what it certifies, who issued it, and how long it still runs. */
export function CertificationDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const cert = useCertification(id);
  const standardName = useStandardName();
  const [editing, setEditing] = useState(false);
  if (cert.error) return <ErrorAlert error={cert.error} />;
  if (!cert.data) return <Skeleton h={240} />;
  const c = cert.data;

  return (
    <Stack>
      <RecordHeader
        list="/certifications"
        listLabel={t('pipelineNav.certifications')}
        title={`${standardName(c.standardCode)} ${c.certificateNo}`}
        badges={<CertificateStatus status={c.status} expiresOn={c.expiresOn} />}
        actions={
          can(me, 'pipeline.write') && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.standard')}>{standardName(c.standardCode)}</Fact>
          <Fact label={t('fields.certificateNo')}>{c.certificateNo}</Fact>
          <Fact label={c.productId ? t('fields.product') : t('fields.producer')}>
            {c.productId ? (
              <RecordLink to="/products/$id" id={c.productId}>
                {c.subject}
              </RecordLink>
            ) : c.producerId ? (
              <RecordLink to="/producers/$id" id={c.producerId}>
                {c.subject}
              </RecordLink>
            ) : (
              c.subject
            )}
          </Fact>
          <Fact label={t('fields.issuer')}>{c.issuer}</Fact>
          <Fact label={t('fields.issuedOn')}>{formatDate(c.issuedOn, language)}</Fact>
          <Fact label={t('fields.expiresOn')}>{c.expiresOn ? formatDate(c.expiresOn, language) : t('records.noExpiry')}</Fact>
        </SimpleGrid>
      </Card>
      {editing && <CertificationForm cert={c} unit={c.orgUnitCode} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
