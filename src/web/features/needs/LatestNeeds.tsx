import { Text } from '@mantine/core';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useNeedsList } from './api';
import { NeedItems } from './NeedItems';

/** A group's latest needs analysis, where a plan's project names it as a target. */
export function LatestNeeds({ groupId }: { groupId: number }) {
  const { t, language } = useLanguage();
  const list = useNeedsList({ groupId, pageSize: 1 });
  const latest = list.data?.items[0];
  if (!list.data) return null;
  if (!latest)
    return (
      <Text size="sm" c="gray.7">
        {t('plans.projects.noNeeds')}
      </Text>
    );
  return (
    <>
      <Text size="sm" c="gray.7">
        {t('needs.latest', { date: formatDate(latest.analysedOn, language) })}
      </Text>
      <NeedItems items={latest.items} />
    </>
  );
}
