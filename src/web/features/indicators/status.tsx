import { Group, Text } from '@mantine/core';
import type { CellStatus } from '#shared/indicators';
import { THAI_MONTHS_SHORT } from '#shared/thai/index';
import type { Language } from '../../i18n';
import { useLanguage } from '../../i18n';

/** A shape per status, so a cell never speaks by colour alone. */
export const STATUS_ICON: Record<CellStatus, string> = { met: '✓', missing: '✕', not_due: '–' };
export const STATUS_COLOR: Record<CellStatus, { bg: string; fg: string }> = {
  met: { bg: 'var(--mantine-color-green-1)', fg: 'var(--mantine-color-green-9)' },
  missing: { bg: 'var(--mantine-color-red-1)', fg: 'var(--mantine-color-red-9)' },
  not_due: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-8)' },
};

/** An icon and the status in words. */
export function StatusMark({ status }: { status: CellStatus }) {
  const { t } = useLanguage();
  return (
    <Group gap={6} wrap="nowrap" data-status={status}>
      <Text span fw={700} c={STATUS_COLOR[status].fg} aria-hidden>
        {STATUS_ICON[status]}
      </Text>
      <Text span size="sm" fw={600} c={STATUS_COLOR[status].fg}>
        {t(`indicators.statuses.${status}`)}
      </Text>
    </Group>
  );
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-10` as "ต.ค." or "Oct". */
export const shortMonth = (month: string, language: Language) => {
  const m = Number(month.slice(5, 7));
  return language === 'th' ? THAI_MONTHS_SHORT[m - 1] : EN_MONTHS[m - 1];
};
