import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { RecordSection } from '../../components/RecordPage';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { bahtOf, datesOf } from './ActivityParts';
import { useActivityList, useActivityNames } from './api';

/** On a group's page: the trainings and visits it attended and the events it joined, with what it sold at each. */
export function GroupActivities({ groupId }: { groupId: number }) {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const names = useActivityNames();
  const list = useActivityList({ groupId, pageSize: 10 });
  const items = list.data?.items ?? [];
  return (
    <RecordSection
      title={t('activities.section.group', { count: list.data?.total ?? 0 })}
      empty={!!list.data && items.length === 0}
    >
      <Stack gap="xs" data-testid="group-activities">
        {items.map((a) => {
          const sold = a.salesByGroup.find((s) => s.groupId === groupId);
          return (
            <Stack key={a.id} gap={0}>
              <Anchor renderRoot={(p) => <Link {...p} to="/activities/$id" params={{ id: String(a.id) }} search={{ unit }} />}>
                {datesOf(a, language)} · {a.title}
              </Anchor>
              <Text size="sm" c="gray.7">
                {names.kindLabel(a)}
                {sold ? ` · ${t('activities.section.sold', { amount: bahtOf(sold.amountSatang) })}` : ''}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </RecordSection>
  );
}
