import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { PlanProject } from '#shared/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordSection } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDeletePlan, usePlan } from './api';
import { LessonRefs } from './LessonRefs';
import { PlanForm } from './PlanForm';
import { ProjectLink, ProjectProgressBar, useBaht, usePlanYears } from './PlanParts';
import { ProgressForm } from './ProgressForm';
import { ProjectForm } from './ProjectForm';

/** One plan: its goal, its projects with their latest progress, the lessons it answers and those looking back on it. */
export function PlanDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const remove = useDeletePlan();
  const years = usePlanYears();
  const baht = useBaht();
  const [editing, setEditing] = useState(false);
  const [addingProject, setAddingProject] = useState(false);
  const [reporting, setReporting] = useState<PlanProject | null>(null);
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Skeleton h={240} />;
  const p = plan.data;
  const mayWrite = can(me, 'pipeline.write') && me?.orgUnit.code === p.orgUnitCode;
  return (
    <Stack>
      <RecordHeader
        list="/plans"
        listLabel={t('plans.title')}
        title={p.title}
        badges={<Badge variant="light">{t(`plans.terms.${p.term}`)}</Badge>}
        actions={
          mayWrite && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(p, { onSuccess: () => navigate({ to: '/plans', search: { unit } }) })}
              >
                {t('plans.delete')}
              </Button>
            </Group>
          )
        }
      />
      <ErrorAlert error={remove.error} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('plans.fields.years')}>{years(p)}</Fact>
          <Fact label={t('plans.fields.projectCount')}>{p.projectCount}</Fact>
          <Fact label={t('plans.fields.budget')}>{baht(p.budgetSatang)}</Fact>
        </SimpleGrid>
        {p.goal && (
          <Fact label={t('plans.fields.goal')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.goal}</Text>
          </Fact>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('plans.projects.title', { count: p.projects.length })}
          </Title>
          {mayWrite && (
            <Button variant="light" onClick={() => setAddingProject(true)}>
              {t('plans.projects.add')}
            </Button>
          )}
        </Group>
        {p.projects.length === 0 && <Text c="gray.7">{t('plans.projects.empty')}</Text>}
        <Stack data-testid="plan-projects">
          {p.projects.map((x) => (
            <Card key={x.id} withBorder padding="sm" data-testid="plan-project">
              <Stack gap="xs">
                <ProjectLink project={x} />
                <Text size="sm" c="gray.7">
                  {formatDate(x.startsOn, language)} – {formatDate(x.endsOn, language)} · {baht(x.budgetSatang)}
                </Text>
                {x.targetGroups.length > 0 && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('plans.projects.fields.targetGroups')}: {x.targetGroups.map((g) => g.name).join(', ')}
                  </Text>
                )}
                <ProjectProgressBar project={x} />
                {mayWrite && (
                  <Group>
                    <Button size="xs" variant="light" onClick={() => setReporting(x)}>
                      {t('plans.projects.addUpdate')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RecordSection title={t('plans.lessonsAnswered')} empty={false}>
          <LessonRefs lessons={p.lessons} testId="plan-lessons" />
        </RecordSection>
        <RecordSection title={t('plans.lookedBackOn')} empty={false}>
          <LessonRefs lessons={p.lookedBackOn} />
        </RecordSection>
      </SimpleGrid>
      {editing && <PlanForm plan={p} unit={p.orgUnitCode} onClose={() => setEditing(false)} />}
      {addingProject && <ProjectForm plan={p} onClose={() => setAddingProject(false)} />}
      {reporting && <ProgressForm project={reporting} onClose={() => setReporting(null)} />}
    </Stack>
  );
}
