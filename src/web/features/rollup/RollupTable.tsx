import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isDistrict } from '#shared/fields';
import type { Rollup } from '#shared/spending';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { money } from '../budget/money';

type Row = Rollup['rows'][number];
type Figures = Rollup['total'];

/** Spent by the end of the measured quarter: a bar with the number, so a glance down the column compares units. */
function Share({ figures, quarter, strong }: { figures: Figures; quarter: number; strong?: boolean }) {
  const { t } = useLanguage();
  const percent = Math.round(figures.spentShareByQuarterEnd * 100);
  const label = t('rollup.sharePercent', { percent });
  return (
    <Group gap="xs" wrap="nowrap" miw={120}>
      <Progress
        value={Math.min(percent, 100)}
        color="teal.8"
        style={{ flex: 1 }}
        aria-label={t('rollup.shareLabel', { quarter, percent })}
      />
      <Text size="sm" fw={strong ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
    </Group>
  );
}

function Spent({ figures, strong }: { figures: Figures; strong?: boolean }) {
  const { t } = useLanguage();
  return (
    <>
      <Text size="sm" span fw={strong ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {money(figures.spentSatang)}
      </Text>
      {figures.pendingSatang !== '0' && (
        <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
          {t('rollup.pending', { amount: money(figures.pendingSatang) })}
        </Text>
      )}
    </>
  );
}

function Advances({ figures }: { figures: Figures }) {
  const { t } = useLanguage();
  if (!figures.openAdvances) return <Text size="sm">–</Text>;
  return (
    <Stack gap={2} align="flex-end">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('rollup.openAdvances', { count: figures.openAdvances, amount: money(figures.openAdvancesSatang) })}
      </Text>
      {figures.overdueAdvances > 0 && (
        <Badge color="red.9" variant="light" c="red.9">
          {t('rollup.overdue', { count: figures.overdueAdvances })}
        </Badge>
      )}
    </Stack>
  );
}

function Late({ count }: { count: number }) {
  const { t } = useLanguage();
  if (!count) return <Text size="sm">–</Text>;
  return (
    <Badge color="orange.9" variant="light" c="orange.9">
      {t('rollup.lateCount', { count })}
    </Badge>
  );
}

/**
 * The unit's name, linking down: a unit below to its own roll-up (a province to its districts), the unit's own share
 * and a district to the budget page where its payments are listed.
 */
function UnitName({ row, rollup }: { row: Row; rollup: Rollup }) {
  const { t, nameOf } = useLanguage();
  const name = row.ownShare ? t('rollup.ownShare', { name: nameOf(row) }) : nameOf(row);
  const down = !row.ownShare && !isDistrict(rollup.unit.code);
  return (
    <Anchor
      fw={600}
      data-testid="rollup-unit"
      renderRoot={(props) => <Link {...props} to={down ? '/spending' : '/budget'} search={{ unit: row.unitCode }} />}
    >
      {name}
    </Anchor>
  );
}

/** One unit as a card on a phone: the name, then its figures in two columns. */
function RollupCard({ figures, title, quarter }: { figures: Figures; title: ReactNode; quarter: number }) {
  const { t } = useLanguage();
  const fact = (label: string, value: ReactNode) => (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Stack>
  );
  return (
    <Card withBorder padding="sm" data-testid="rollup-card">
      {title}
      <SimpleGrid cols={2} spacing="xs" mt={6}>
        {fact(t('rollup.allocated'), money(figures.allocatedSatang))}
        {fact(t('rollup.spent'), <Spent figures={figures} />)}
        {fact(t('rollup.remaining'), money(figures.remainingSatang))}
        {fact(t('rollup.lateExpensePlans'), <Late count={figures.lateExpensePlans} />)}
      </SimpleGrid>
      <Stack gap={4} mt={6}>
        {fact(t('rollup.shareByQuarterEnd', { quarter }), <Share figures={figures} quarter={quarter} />)}
        {fact(t('rollup.advances'), <Advances figures={figures} />)}
      </Stack>
    </Card>
  );
}

/** The roll-up: a row per unit and the total; cards on a phone. */
export function RollupTable({ rollup }: { rollup: Rollup }) {
  const { t } = useLanguage();
  const phone = usePhone();
  const { quarter } = rollup;
  const several = rollup.rows.length > 1;

  if (phone)
    return (
      <Stack gap="xs" data-testid="rollup-cards">
        {rollup.rows.map((row) => (
          <RollupCard key={row.unitCode} figures={row} quarter={quarter} title={<UnitName row={row} rollup={rollup} />} />
        ))}
        {several && (
          <RollupCard
            figures={rollup.total}
            quarter={quarter}
            title={
              <Text fw={700} data-testid="rollup-total">
                {t('rollup.total')}
              </Text>
            }
          />
        )}
      </Stack>
    );

  /** The figures of a row; the total's in bold. */
  const cells = (f: Figures, strong = false) => (
    <>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {money(f.allocatedSatang)}
      </Table.Td>
      <Table.Td ta="right">
        <Spent figures={f} strong={strong} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {money(f.remainingSatang)}
      </Table.Td>
      <Table.Td>
        <Share figures={f} quarter={quarter} strong={strong} />
      </Table.Td>
      <Table.Td ta="right">
        <Late count={f.lateExpensePlans} />
      </Table.Td>
      <Table.Td ta="right">
        <Advances figures={f} />
      </Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped fz="sm" data-testid="rollup-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rollup.unit')}</Table.Th>
            <Table.Th ta="right">{t('rollup.allocated')}</Table.Th>
            <Table.Th ta="right">{t('rollup.spent')}</Table.Th>
            <Table.Th ta="right">{t('rollup.remaining')}</Table.Th>
            <Table.Th>{t('rollup.shareByQuarterEnd', { quarter })}</Table.Th>
            <Table.Th ta="right">{t('rollup.lateExpensePlans')}</Table.Th>
            <Table.Th ta="right">{t('rollup.advances')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rollup.rows.map((row) => (
            <Table.Tr key={row.unitCode} data-testid="rollup-row">
              <Table.Td>
                <UnitName row={row} rollup={rollup} />
              </Table.Td>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {several && (
          <Table.Tfoot>
            <Table.Tr data-testid="rollup-total" fw={700}>
              <Table.Th>{t('rollup.total')}</Table.Th>
              {cells(rollup.total, true)}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
