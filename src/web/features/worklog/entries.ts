import type { useNavigate } from '@tanstack/react-router';
import type { WorklogEntry } from '#shared/worklog';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';

/** The entry's code (a mode, status, kind or sales channel) by name in the user's language. */
export function useEntryCode() {
  const { t, nameOf } = useLanguage();
  const channels = useCodeList('sales_channel');
  return (e: WorklogEntry): string => {
    if (!e.code) return '';
    switch (e.type) {
      case 'service':
      case 'trip':
        return t(`services.modes.${e.code as 'center' | 'outreach'}`);
      case 'sales': {
        const channel = channels.data?.find((c) => c.code === e.code);
        return channel ? nameOf(channel) : '';
      }
      case 'request':
      case 'referral':
      case 'activity':
      case 'funding':
      case 'outcome':
        return t(`worklog.codes.${e.type}.${e.code}` as 'worklog.codes.request.new');
      default:
        return '';
    }
  };
}

type Navigate = ReturnType<typeof useNavigate>;

/** Opens the record behind an entry: the record itself, or its group for work recorded on a group. */
export function useOpenEntry() {
  return (e: WorklogEntry, unit: string | undefined, navigate: Navigate) => {
    const search = { unit };
    switch (e.type) {
      case 'service':
        return navigate({ to: '/services/$id', params: { id: String(e.id) }, search });
      case 'trip':
        return navigate({ to: '/services', search });
      case 'activity':
        return navigate({ to: '/activities/$id', params: { id: String(e.id) }, search });
      case 'project_update':
        return e.linkId ? navigate({ to: '/plans/$id', params: { id: String(e.linkId) }, search }) : undefined;
      case 'lesson':
        return navigate({ to: '/lessons', search });
      case 'needs':
      case 'sales':
      case 'funding':
      case 'outcome':
        return e.linkId ? navigate({ to: '/groups/$id', params: { id: String(e.linkId) }, search }) : undefined;
      default:
        return undefined;
    }
  };
}
