import type { CertStatus } from '#shared/certifications';
import { StatusBadge } from '../../components/StatusBadge';
import { todayIso } from '../../dates';
import { useLanguage } from '../../i18n';

export const certColor = { valid: 'green.9', expiring: 'orange.9', expired: 'red.9' } as const;

const DAY = 86_400_000;
/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** A certificate's status with the real number of days: "เหลือ 30 วัน", "หมดอายุแล้ว 3 วัน". */
export function CertificateStatus({ status, expiresOn }: { status: CertStatus; expiresOn: string | null }) {
  const { t } = useLanguage();
  const days = expiresOn ? daysBetween(todayIso(), expiresOn) : null;
  const text =
    status === 'expired' && days !== null
      ? t('certStatuses.expiredDaysAgo', { count: -days })
      : status === 'expiring' && days !== null
        ? days === 0
          ? t('certStatuses.expiresToday')
          : t('certStatuses.daysLeft', { count: days })
        : t(`certStatuses.${status}`);
  return (
    <StatusBadge variant="filled" color={certColor[status]} data-testid="cert-status">
      {text}
    </StatusBadge>
  );
}
