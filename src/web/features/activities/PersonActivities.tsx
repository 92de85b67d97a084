import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { RecordSection } from '../../components/RecordPage';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { datesOf } from './ActivityParts';
import { useActivityList, useActivityNames } from './api';

/** On a person's page: the trainings and activities they were invited to, and whether they came. */
export function PersonActivities({ personId }: { personId: number }) {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const names = useActivityNames();
  const list = useActivityList({ personId, pageSize: 10 });
  const items = list.data?.items ?? [];
  return (
    <RecordSection
      title={t('activities.section.person', { count: list.data?.total ?? 0 })}
      empty={!!list.data && items.length === 0}
    >
      <Stack gap="xs" data-testid="person-activities">
        {items.map((a) => {
          const came = a.people.find((p) => p.id === personId)?.attended;
          return (
            <Stack key={a.id} gap={0}>
              <Anchor renderRoot={(p) => <Link {...p} to="/activities/$id" params={{ id: String(a.id) }} search={{ unit }} />}>
                {datesOf(a, language)} · {a.title}
              </Anchor>
              <Text size="sm" c="gray.7">
                {names.kindLabel(a)} · {came ? t('activities.attendance.attended') : t('activities.attendance.absent')}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </RecordSection>
  );
}
