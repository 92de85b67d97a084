import { REFERRAL_RESULT_DAYS, type Referral, type ServiceRequest } from '#shared/requests';
import { addDays } from '#shared/thai/index';
import { StatusBadge } from '../../components/StatusBadge';
import { todayIso } from '../../dates';
import { useLanguage } from '../../i18n';

/** Who asked: the group and person on record, else the name as given. */
export const clientOf = (r: Pick<ServiceRequest, 'group' | 'person' | 'clientName'>) =>
  [r.group?.name, r.person?.name].filter(Boolean).join(', ') || r.clientName;

const REQUEST_COLORS: Record<ServiceRequest['status'], string> = {
  new: 'blue.9',
  accepted: 'cyan.9',
  in_progress: 'indigo.9',
  done: 'green.9',
  referred: 'grape.9',
  declined: 'gray.7',
};

export function RequestStatusBadge({ status }: { status: ServiceRequest['status'] }) {
  const { t } = useLanguage();
  return (
    <StatusBadge color={REQUEST_COLORS[status]} data-testid="request-status">
      {t(`requests.statuses.${status}`)}
    </StatusBadge>
  );
}

/** Still awaiting a result REFERRAL_RESULT_DAYS days after it was sent (the same rule "my tasks" counts). */
export const resultOverdue = (r: Referral) =>
  (r.status === 'sent' || r.status === 'accepted') && r.referredOn <= addDays(todayIso(), -REFERRAL_RESULT_DAYS);

export function ReferralStatusBadge({ referral }: { referral: Referral }) {
  const { t } = useLanguage();
  const late = resultOverdue(referral);
  return (
    <StatusBadge color={late ? 'red.9' : referral.status === 'completed' ? 'green.9' : 'dark'} data-testid="referral-status">
      {t(`referrals.statuses.${referral.status}`)}
      {late && ` · ${t('referrals.overdue')}`}
    </StatusBadge>
  );
}

/** Where a referral went: the partner, or the province or department office by name. */
export function useTargetOf() {
  const { t } = useLanguage();
  return (r: Referral) => `${t(`referrals.levels.${r.targetLevel}`)} · ${r.partner?.name ?? r.targetName}`;
}
