import { useMutation, useQuery } from '@tanstack/react-query';
import type { Activity } from '#shared/activities';
import { type BodyOf, client, data } from '../../api';
import { activitiesKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useCodeList, useRefresh } from '../../hooks/records';
import { useLanguage } from '../../i18n';

// A training or a market event's sales move the stages of its groups: the funnel and group pages follow.
const activities = recordHooks(activitiesKeys, '/api/activities', PIPELINE_VIEWS);

export const useActivityList = activities.useList;
export const useActivity = activities.useOne;
export const useSaveActivity = activities.useSave;

export function useDeleteActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: Activity) =>
      data(client.DELETE('/api/activities/{id}', { params: { path: { id: a.id } }, body: { version: a.version } })),
    onSuccess: () => refresh(activitiesKeys.all, ...PIPELINE_VIEWS),
  });
}

export type SaleRow = BodyOf<'/api/activities/{id}/sales', 'put'>['rows'][number];

/** Saves a market event's whole sales grid at the version read. */
export function useSaveSales(activityId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/activities/{id}/sales', 'put'>) =>
      data(client.PUT('/api/activities/{id}/sales', { params: { path: { id: activityId } }, body })),
    onSuccess: () => refresh(activitiesKeys.all, ...PIPELINE_VIEWS),
  });
}

/** The budget activities that reached the district in a fiscal year (only for those who read the budget). */
export function useActivityBudgetItems(unit: string, fiscalYear: number, enabled: boolean) {
  const params = { unit, fiscalYear };
  return useQuery({
    queryKey: activitiesKeys.of('budget-items', params),
    queryFn: () => data(client.GET('/api/activities/budget-items', { params: { query: params } })),
    enabled,
  });
}

/** Knowledge topics by their names in the service-type list; market kinds (a fixed list) from the dictionaries. */
export function useActivityNames() {
  const { nameOf, t } = useLanguage();
  const types = useCodeList('service_type');
  const topicName = (code: string | null) => {
    const item = types.data?.find((c) => c.code === code);
    return item ? nameOf(item) : '';
  };
  const marketName = (code: string | null) => (code ? t(`activities.marketKinds.${code}`) : '');
  return {
    topics: (types.data ?? [])
      .filter((c) => c.code.startsWith('topic_') && !c.deprecated)
      .map((c) => ({ value: c.code, label: nameOf(c) })),
    topicName,
    marketName,
    /** The kind in words: a training with its topic, a market event with its kind. */
    kindLabel: (a: Pick<Activity, 'kind' | 'topicCode' | 'marketKind'>) => {
      const detail = a.kind === 'training' ? topicName(a.topicCode) : marketName(a.marketKind);
      return detail ? `${t(`activities.kinds.${a.kind}`)} · ${detail}` : t(`activities.kinds.${a.kind}`);
    },
  };
}
