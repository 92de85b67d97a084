import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordSection } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { LatestNeeds } from '../needs/LatestNeeds';
import { useDeleteProject, usePlan, useProject } from './api';
import { ProjectProgressBar, useBaht } from './PlanParts';
import { ProgressForm } from './ProgressForm';
import { ProjectForm } from './ProjectForm';

/** One project: what it is for, whom it serves (with their latest needs), its budget and timeline, and its progress. */
export function ProjectPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const project = useProject(id);
  const plan = usePlan(project.data?.planId);
  const remove = useDeleteProject();
  const baht = useBaht();
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  if (project.error) return <ErrorAlert error={project.error} />;
  if (!project.data) return <Skeleton h={240} />;
  const p = project.data;
  const mayWrite = can(me, 'pipeline.write') && me?.orgUnit.code === p.orgUnitCode;
  const toPlan = () => navigate({ to: '/plans/$id', params: { id: String(p.planId) }, search: { unit } });
  return (
    <Stack>
      <RecordHeader
        list="/plans"
        listLabel={t('plans.title')}
        title={p.title}
        actions={
          mayWrite && (
            <Group gap="xs">
              <Button onClick={() => setReporting(true)}>{t('plans.projects.addUpdate')}</Button>
              <Button variant="light" onClick={() => setEditing(true)} disabled={!plan.data}>
                {t('records.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(p, { onSuccess: toPlan })}
              >
                {t('plans.projects.delete')}
              </Button>
            </Group>
          )
        }
      />
      <ErrorAlert error={remove.error} />
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label={t('plans.projects.fields.plan')}>
              <Anchor renderRoot={(r) => <Link {...r} to="/plans/$id" params={{ id: String(p.planId) }} search={{ unit }} />}>
                {p.planTitle}
              </Anchor>
            </Fact>
            <Fact label={t('plans.projects.fields.timeline')}>
              {formatDate(p.startsOn, language)} – {formatDate(p.endsOn, language)}
            </Fact>
            <Fact label={t('plans.projects.fields.budget')}>{baht(p.budgetSatang)}</Fact>
            <Fact label={t('plans.projects.fields.partners')}>{p.partners.map((x) => x.name).join(', ')}</Fact>
            <Fact label={t('plans.projects.fields.targetDescription')}>{p.targetDescription}</Fact>
          </SimpleGrid>
          <Fact label={t('plans.projects.fields.objectives')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.objectives}</Text>
          </Fact>
          {p.indicators && (
            <Fact label={t('plans.projects.fields.indicators')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.indicators}</Text>
            </Fact>
          )}
          <Fact label={t('plans.projects.fields.progress')}>
            <ProjectProgressBar project={p} />
          </Fact>
        </Stack>
      </Card>
      <RecordSection title={t('plans.projects.latestNeeds')} empty={p.targetGroups.length === 0}>
        <Stack>
          {p.targetGroups.map((g) => (
            <Stack key={g.id} gap="xs">
              <Anchor
                fw={700}
                renderRoot={(r) => <Link {...r} to="/groups/$id" params={{ id: String(g.id) }} search={{ unit }} />}
              >
                {g.name}
              </Anchor>
              <LatestNeeds groupId={g.id} />
            </Stack>
          ))}
        </Stack>
      </RecordSection>
      <RecordSection title={t('plans.projects.updates')} empty={p.updates.length === 0}>
        <Timeline bulletSize={14} lineWidth={2} data-testid="project-updates">
          {p.updates.map((u) => (
            <Timeline.Item
              key={u.id}
              title={`${formatDate(u.updatedOn, language)} · ${t('plans.projects.percent', { percent: u.progressPercent })}`}
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {u.note}
              </Text>
              <Text size="xs" c="gray.7">
                {t('plans.projects.by', { name: u.createdByName })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </RecordSection>
      {editing && plan.data && <ProjectForm plan={plan.data} project={p} onClose={() => setEditing(false)} />}
      {reporting && <ProgressForm project={p} onClose={() => setReporting(false)} />}
    </Stack>
  );
}
