import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { LessonRef } from '#shared/plans';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useLessonPeriod } from './PlanParts';

/** Lessons named by their period, each with what will change, linking to the lessons of that year. */
export function LessonRefs({ lessons, testId }: { lessons: LessonRef[]; testId?: string }) {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const period = useLessonPeriod();
  if (!lessons.length)
    return (
      <Text size="sm" c="gray.7">
        {t('plans.noLessons')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid={testId}>
      {lessons.map((l) => (
        <Stack key={l.id} gap={0}>
          <Anchor renderRoot={(p) => <Link {...p} to="/lessons" search={{ unit, year: String(l.fiscalYear) }} />}>
            {period(l)}
          </Anchor>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('lessons.fields.changes')}: {l.changes}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
