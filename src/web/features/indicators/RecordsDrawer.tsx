import { Anchor, Card, Drawer, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { IndicatorRecord } from '#shared/indicators';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingRows } from '../../components/LoadingRows';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { type CellRef, useIndicatorRecords } from './api';
import { StatusMark } from './status';

/** What a record says beyond its title: attendance, partners, the plan's term, what breaks the committee. */
function useDetail() {
  const { t } = useLanguage();
  return (item: IndicatorRecord): string[] => {
    switch (item.kind) {
      case 'meeting':
        return [
          t(`indicators.records.meetingStatuses.${item.code as 'held'}`),
          t('indicators.records.attended', { attended: item.attended, members: item.members }),
        ];
      case 'activity':
        return [
          t(`activities.kinds.${item.code as 'training'}`),
          item.partners.length
            ? t('indicators.records.partners', { names: item.partners.join(', ') })
            : t('indicators.records.noPartners'),
        ];
      case 'plan':
        return [t(`plans.terms.${item.code as 'short'}`)];
      case 'committee':
        return [
          t('indicators.records.members', { members: item.members }),
          ...item.problems.map((p) => t(`indicators.records.problems.${p.problem}`, { found: p.found })),
        ];
      default:
        return [];
    }
  };
}

/** The drawer of a matrix cell: the records behind it, each with a link that opens it. */
export function RecordsDrawer({ cell, period, onClose }: { cell: CellRef | null; period: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const phone = usePhone();
  const records = useIndicatorRecords(cell);
  const detail = useDetail();
  return (
    <Drawer
      opened={!!cell}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? '85%' : 'md'}
      title={cell ? `${cell.unitName} · ${t(`indicators.names.${cell.indicator}`)} · ${period}` : ''}
    >
      {records.error ? (
        <ErrorAlert error={records.error} />
      ) : !records.data ? (
        <LoadingRows />
      ) : (
        <Stack gap="sm" data-testid="indicator-records">
          <StatusMark status={records.data.status} />
          {records.data.items.length === 0 && <EmptyState title={t('indicators.records.empty')} />}
          {records.data.items.map((item) => (
            <Card withBorder key={`${item.kind}-${item.id}`} padding="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" c="gray.7">
                  {t(`indicators.records.kinds.${item.kind}`)} · {formatDate(item.date, language)}
                </Text>
                <StatusBadge color={item.counts ? 'green.9' : 'dark'}>
                  {item.counts ? `✓ ${t('indicators.records.counts')}` : `✕ ${t('indicators.records.notCounted')}`}
                </StatusBadge>
              </Group>
              <Anchor
                fw={600}
                style={{ overflowWrap: 'anywhere' }}
                renderRoot={(props) => <Link {...props} to={item.path as never} search={{ unit: cell?.unit } as never} />}
              >
                {item.title}
              </Anchor>
              {detail(item).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Card>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
