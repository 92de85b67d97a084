import {
  Anchor,
  Badge,
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
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { changeStageBody, GROWN_AS, type GroupDetail, STAGES } from '#shared/groups';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { certColor } from '../certifications/CertificationsPage';
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
  const { t, language, nameOf } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const group = useGroup(id);
  const standards = useCodeList('standard');
  const [editing, setEditing] = useState(false);
  const [changingStage, setChangingStage] = useState(false);
  if (group.error) return <ErrorAlert error={group.error} />;
  if (!group.data) return <Skeleton h={300} />;
  const g = group.data;
  const canWrite = can(me, 'pipeline.write');
  const standardName = (code: string) => {
    const s = standards.data?.find((x) => x.code === code);
    return s ? nameOf(s) : code;
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {g.name}
          </Title>
          <Badge size="lg" data-testid="group-stage">
            {t(`stages.${g.stage}`)}
            {g.grownAs ? ` · ${t(`grownAs.${g.grownAs}`)}` : ''}
          </Badge>
        </Group>
        {canWrite && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
            <Button onClick={() => setChangingStage(true)}>{t('records.changeStage')}</Button>
          </Group>
        )}
      </Group>
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
                  <Anchor
                    key={w.id}
                    renderRoot={(props) => <Link {...props} to="/wisdom/$id" params={{ id: String(w.id) }} />}
                    mr="sm"
                  >
                    {w.title}
                  </Anchor>
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
                  <Table.Td>{m.name}</Table.Td>
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
          <Timeline active={g.stageHistory.length - 1} bulletSize={18} lineWidth={2}>
            {g.stageHistory.map((h) => (
              <Timeline.Item key={`${h.changedOn}-${h.toStage}-${h.reason}`} title={t(`stages.${h.toStage}`)}>
                <Text size="sm">
                  {formatDate(h.changedOn, language)} · {h.reason}
                </Text>
                <Text size="xs" c="gray.7">
                  {h.automatic ? t('records.automatic') : (h.changedBy ?? '')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('records.registrations')}
        </Title>
        {g.producers.length === 0 && <Text>{t('records.none')}</Text>}
        {g.producers.map((p) => (
          <Text key={p.id}>
            {p.registrationNo} · {t('fields.fiscalYear')} {p.fiscalYear} · {t(`producerTypes.${p.producerType}`)} ·{' '}
            {t(`producerStatuses.${p.status}`)}
          </Text>
        ))}
        <Title order={2} size="h4" mt="md" mb="xs">
          {t('pipelineNav.products')}
        </Title>
        {g.products.length === 0 && <Text>{t('records.none')}</Text>}
        {g.products.map((p) => (
          <Text key={p.id}>
            {p.name} · {t(`categories.${p.category}`)}
          </Text>
        ))}
        <Title order={2} size="h4" mt="md" mb="xs">
          {t('records.certificates')}
        </Title>
        {g.certifications.length === 0 && <Text>{t('records.none')}</Text>}
        {g.certifications.map((c) => (
          <Group key={c.id} gap="xs">
            <Text>
              {standardName(c.standardCode)} {c.certificateNo} · {c.subject} · {formatDate(c.expiresOn, language)}
            </Text>
            <Badge color={certColor[c.status as keyof typeof certColor]}>{t(`certStatuses.${c.status}`)}</Badge>
          </Group>
        ))}
      </Card>
      {editing && <GroupForm group={g} unit={g.orgUnitCode} onClose={() => setEditing(false)} />}
      {changingStage && <StageForm group={g} onClose={() => setChangingStage(false)} />}
    </Stack>
  );
}
