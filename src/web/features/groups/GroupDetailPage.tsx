import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { CertStatus } from '#shared/certifications';
import { changeStageBody, GROWN_AS, type GroupDetail, STAGES } from '#shared/groups';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { RecordHeader, RecordLink, RecordSection } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { GroupActivities } from '../activities/GroupActivities';
import { can, useMe } from '../auth/session';
import { useStandardName } from '../certifications/api';
import { CertificateStatus } from '../certifications/CertificateStatus';
import { GroupNeedsAndPlans } from '../plans/GroupPlans';
import { GroupReferrals } from '../requests/ReferralsSection';
import { GroupMoney } from '../sales/GroupMoney';
import { ServicesReceived } from '../services/ServicesReceived';
import { useChangeStage, useGroup } from './api';
import { GroupForm } from './GroupForm';

function StageForm({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const { t } = useLanguage();
  const change = useChangeStage(group.id);
  const form = useSchemaForm({
    schema: changeStageBody,
    initialValues: {
      stage: group.stage as string,
      reason: '',
      grownAs: group.grownAs as string | null,
      changedOn: null as string | null,
    },
    toBody: (v) => ({
      version: group.version,
      stage: v.stage,
      reason: v.reason,
      grownAs: v.stage === 'grown' ? (v.grownAs ?? undefined) : undefined,
      changedOn: v.changedOn ?? undefined,
    }),
  });
  const submit = form.onSubmit((values) =>
    change.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('records.changeStage')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={change.error} fieldsShown />
          <Select
            label={t('fields.stage')}
            data={STAGES.slice(1).map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('stage')}
          />
          {form.values.stage === 'grown' && (
            <Select
              label={t('fields.grownAs')}
              data={GROWN_AS.map((g) => ({ value: g, label: t(`grownAs.${g}`) }))}
              {...form.getInputProps('grownAs')}
            />
          )}
          <Textarea label={t('fields.reason')} required {...form.getInputProps('reason')} />
          <ThaiDateInput label={t('fields.changedOn')} clearable {...form.getInputProps('changedOn')} />
          <FormActions onCancel={onClose} saving={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Everything about one group: wisdom basis, members, registration, products, certificates, stage timeline. */
export function GroupDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const group = useGroup(id);
  const standardName = useStandardName();
  const [editing, setEditing] = useState(false);
  const [changingStage, setChangingStage] = useState(false);
  if (group.error) return <ErrorAlert error={group.error} />;
  if (!group.data) return <Skeleton h={300} />;
  const g = group.data;
  const canWrite = can(me, 'pipeline.write');

  return (
    <Stack>
      <RecordHeader
        list="/groups"
        listLabel={t('pipelineNav.groups')}
        title={g.name}
        badges={
          <StatusBadge size="lg" variant="filled" color="teal.9" data-testid="group-stage">
            {t(`stages.${g.stage}`)}
            {g.grownAs ? ` · ${t(`grownAs.${g.grownAs}`)}` : ''}
          </StatusBadge>
        }
        actions={
          canWrite && (
            <>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button onClick={() => setChangingStage(true)}>{t('records.changeStage')}</Button>
            </>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.foundedOn')}>{formatDate(g.foundedOn, language)}</Fact>
          <Fact label={t('fields.targetType')}>{t(`targetTypes.${g.targetType}`)}</Fact>
          <Fact label={t('fields.contactPhone')}>{g.contactPhone ?? '—'}</Fact>
          <Fact label={t('fields.address')}>{g.address || '—'}</Fact>
          <Fact label={t('fields.enterpriseRegNo')}>{g.enterpriseRegNo ?? '—'}</Fact>
          <Fact label={t('fields.wisdom')}>
            {g.wisdom.length
              ? g.wisdom.map((w) => (
                  <Text key={w.id} span mr="sm">
                    <RecordLink to="/wisdom/$id" id={w.id}>
                      {w.title}
                    </RecordLink>
                  </Text>
                ))
              : '—'}
          </Fact>
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('fields.members')} ({g.memberCount})
          </Title>
          <Table>
            <Table.Tbody>
              {g.members.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td>
                    <RecordLink to="/people/$id" id={m.personId}>
                      {m.name}
                    </RecordLink>
                  </Table.Td>
                  <Table.Td>{t(`memberRoles.${m.role}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('records.timeline')}
          </Title>
          <Group gap={6} mb="sm" data-testid="group-evidence" aria-label={t('records.evidence')}>
            <Text size="sm" c="gray.7">
              {t('records.evidence')}:
            </Text>
            {g.evidence.map((stage) => (
              <StatusBadge key={stage} color="teal" variant="light">
                {t(`stages.${stage}`)}
              </StatusBadge>
            ))}
          </Group>
          <Timeline active={g.stageHistory.length - 1} bulletSize={18} lineWidth={2}>
            {g.stageHistory.map((h) => (
              <Timeline.Item key={`${h.changedOn}-${h.toStage}-${h.reason}`} title={t(`stages.${h.toStage}`)}>
                <Text size="sm">
                  {formatDate(h.changedOn, language)} · {h.evidenceKind ? t(`stageEvidence.${h.evidenceKind}`) : h.reason}
                </Text>
                <Text size="xs" c="gray.7">
                  {h.automatic ? t('records.automatic') : (h.changedBy ?? '')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <RecordSection title={t('records.registrations')} empty={g.producers.length === 0}>
          {g.producers.map((p) => (
            <Stack key={p.id} gap={0}>
              <RecordLink to="/producers/$id" id={p.id}>
                {p.registrationNo}
              </RecordLink>
              <Text size="sm" c="gray.7">
                {t('fields.fiscalYear')} {p.fiscalYear} · {t(`producerTypes.${p.producerType}`)} ·{' '}
                {t(`producerStatuses.${p.status}`)}
              </Text>
            </Stack>
          ))}
        </RecordSection>
        <RecordSection title={t('pipelineNav.products')} empty={g.products.length === 0}>
          {g.products.map((p) => (
            <Stack key={p.id} gap={0}>
              <RecordLink to="/products/$id" id={p.id}>
                {p.name}
              </RecordLink>
              <Text size="sm" c="gray.7">
                {t(`categories.${p.category}`)}
              </Text>
            </Stack>
          ))}
        </RecordSection>
        <RecordSection title={t('records.certificates')} empty={g.certifications.length === 0}>
          {g.certifications.map((c) => (
            <Stack key={c.id} gap={2} align="flex-start">
              <RecordLink to="/certifications/$id" id={c.id}>
                {standardName(c.standardCode)} {c.certificateNo}
              </RecordLink>
              <Text size="sm" c="gray.7">
                {c.subject} · {formatDate(c.expiresOn, language)}
              </Text>
              <CertificateStatus status={c.status as CertStatus} expiresOn={c.expiresOn} />
            </Stack>
          ))}
        </RecordSection>
      </SimpleGrid>
      <ServicesReceived groupId={g.id} />
      <GroupActivities groupId={g.id} />
      <GroupNeedsAndPlans group={g} />
      <GroupMoney group={g} />
      <GroupReferrals groupId={g.id} />
      {editing && <GroupForm group={g} unit={g.orgUnitCode} onClose={() => setEditing(false)} />}
      {changingStage && <StageForm group={g} onClose={() => setChangingStage(false)} />}
    </Stack>
  );
}
