import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { LessonRef, Plan, PlanProject } from '#shared/plans';
import { formatBaht } from '#shared/thai/money';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';

/** "Fiscal year 2569" or "Fiscal years 2568–2571". */
export function usePlanYears() {
  const { t } = useLanguage();
  return (p: Pick<Plan, 'firstYear' | 'lastYear'>) =>
    p.firstYear === p.lastYear
      ? t('plans.yearOne', { first: p.firstYear })
      : t('plans.yearRange', { first: p.firstYear, last: p.lastYear });
}

export function useBaht() {
  const { t } = useLanguage();
  return (satang: string) => `${formatBaht(BigInt(satang))} ${t('common.baht')}`;
}

/** A lesson by its period: "Fiscal year 2568" or "Fiscal year 2568, quarter 2". */
export function useLessonPeriod() {
  const { t } = useLanguage();
  return (l: Pick<LessonRef, 'fiscalYear' | 'quarter'>) =>
    l.quarter
      ? t('plans.lessonOfQuarter', { year: l.fiscalYear, quarter: l.quarter })
      : t('plans.lessonOf', { year: l.fiscalYear });
}

/** The latest reported progress as a bar, or a word that none was reported. */
export function ProjectProgressBar({ project }: { project: Pick<PlanProject, 'progress' | 'title'> }) {
  const { t, language } = useLanguage();
  if (!project.progress)
    return (
      <Text size="sm" c="gray.7">
        {t('plans.projects.noProgress')}
      </Text>
    );
  const percent = project.progress.progressPercent;
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={700}>
          {t('plans.projects.percent', { percent })}
        </Text>
        <Text size="xs" c="gray.7">
          {formatDate(project.progress.updatedOn, language)}
        </Text>
      </Group>
      <Progress
        value={percent}
        color={percent >= 100 ? 'green' : 'blue'}
        aria-label={`${t('plans.projects.fields.progress')} ${project.title}`}
        data-testid="project-progress"
      />
    </Stack>
  );
}

export function ProjectLink({ project }: { project: Pick<PlanProject, 'id' | 'title'> }) {
  const unit = useCurrentUnitCode();
  return (
    <Anchor
      fw={700}
      style={{ overflowWrap: 'anywhere' }}
      renderRoot={(p) => <Link {...p} to="/plans/projects/$id" params={{ id: String(project.id) }} search={{ unit }} />}
    >
      {project.title}
    </Anchor>
  );
}
