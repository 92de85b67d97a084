import { Stack, Text } from '@mantine/core';
import { RecordSection } from '../../components/RecordPage';
import { useLanguage } from '../../i18n';
import { GroupNeeds } from '../needs/GroupNeeds';
import { useProjectList } from './api';
import { ProjectLink, ProjectProgressBar } from './PlanParts';

/** The plan projects that target a group, each with its plan and latest progress. */
export function GroupPlans({ groupId }: { groupId: number }) {
  const { t } = useLanguage();
  const list = useProjectList({ groupId, pageSize: 20 });
  const items = list.data?.items ?? [];
  return (
    <RecordSection title={t('plans.groupSection', { count: list.data?.total ?? 0 })} empty={!!list.data && items.length === 0}>
      <Stack data-testid="group-plans">
        {items.map((p) => (
          <Stack key={p.id} gap={4}>
            <ProjectLink project={p} />
            <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
              {p.planTitle}
            </Text>
            <ProjectProgressBar project={p} />
          </Stack>
        ))}
      </Stack>
    </RecordSection>
  );
}

/** The group page's needs and plan: its needs analyses, then the projects serving it. */
export function GroupNeedsAndPlans({ group }: { group: { id: number; name: string; orgUnitCode: string } }) {
  return (
    <>
      <GroupNeeds group={group} />
      <GroupPlans groupId={group.id} />
    </>
  );
}
