import { Badge } from '@mantine/core';
import type { Service } from '#shared/services';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';

/** The groups and people served, groups first. */
export const clientsOf = (s: Service) => [...s.groups, ...s.people].map((c) => c.name).join(', ');

/** The follow-up date and its status; a pending one past its date is marked in red. */
export function FollowUpBadge({ service }: { service: Service }) {
  const { t, language } = useLanguage();
  if (!service.followUpOn || !service.followUpStatus) return null;
  const late = service.followUpStatus === 'pending' && service.followUpOn < todayIso();
  return (
    <Badge variant="light" color={late ? 'red' : service.followUpStatus === 'done' ? 'green' : 'gray'}>
      {formatDate(service.followUpOn, language)} ·{' '}
      {late ? t('services.overdue') : t(`services.followUpStatuses.${service.followUpStatus}`)}
    </Badge>
  );
}
