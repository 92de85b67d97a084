import { Button, Card, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordLink } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useWisdom, wisdomKeys } from './api';
import { WisdomForm } from './WisdomForm';

export function WisdomDetailPage() {
  const { t, language, nameOf } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const item = useWisdom(id);
  const branches = useCodeList('wisdom_branch');
  const [editing, setEditing] = useState(false);
  if (item.error) return <ErrorAlert error={item.error} />;
  if (!item.data) return <Skeleton h={200} />;
  const w = item.data;
  const branch = branches.data?.find((b) => b.code === w.branchCode);
  const canWrite = can(me, 'pipeline.write');

  return (
    <Stack>
      <RecordHeader
        list="/wisdom"
        listLabel={t('pipelineNav.wisdom')}
        title={w.title}
        badges={
          <StatusBadge variant="filled" color="teal.9">
            {t(`wisdomStatuses.${w.status}`)}
          </StatusBadge>
        }
        actions={
          canWrite && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.branch')}>{branch ? nameOf(branch) : ''}</Fact>
          <Fact label={t('fields.accessLevel')}>{t(`accessLevels.${w.accessLevel}`)}</Fact>
          <Fact label={t('fields.consentDate')}>{formatDate(w.consentDate, language)}</Fact>
          <Fact label={t('fields.publicCredit')}>{w.publicCredit || '—'}</Fact>
          <Fact label={t('fields.surveyedOn')}>{formatDate(w.surveyedOn, language)}</Fact>
          <Fact label={t('fields.subdistrict')}>
            {[w.subdistrict, w.villageNo && `${t('fields.villageNo')} ${w.villageNo}`].filter(Boolean).join(' ') || '—'}
          </Fact>
          <Fact label={t('fields.holders')}>
            {w.holders.length
              ? w.holders.map((h) => (
                  <Text key={h.id} span mr="sm">
                    <RecordLink to="/people/$id" id={h.id}>
                      {h.name}
                    </RecordLink>
                  </Text>
                ))
              : '—'}
          </Fact>
        </SimpleGrid>
        {w.description && <Text mt="md">{w.description}</Text>}
        {w.productPotential && <Fact label={t('fields.productPotential')}>{w.productPotential}</Fact>}
      </Card>
      <Card withBorder>
        <Attachments
          uploadTo={{ path: '/api/wisdom/{id}/attachments', id: w.id }}
          items={w.attachments}
          canUpload={canWrite}
          refreshes={wisdomKeys.all}
        />
      </Card>
      {editing && <WisdomForm item={w} unit={w.orgUnitCode} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
