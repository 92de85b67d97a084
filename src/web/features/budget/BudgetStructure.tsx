import { Anchor, Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { BudgetItem } from '#shared/budget';
import { EmptyState } from '../../components/EmptyState';
import { LoadingRows } from '../../components/LoadingRows';
import { useLanguage } from '../../i18n';
import { money } from './money';

/** Indent per level in rem: small, so a deep activity keeps most of a phone's width for its name. */
const INDENT = { plan: 0, project: 0, main_activity: 0.75, activity: 1.5 } as const;

/**
 * Plans, projects, main activities and activities of the year; an activity is chosen to work on. The department
 * sees each item's budget, a province or district what it received. The level badge sits inside the name's line so
 * a long name wraps under it instead of shrinking to one word per line.
 */
export function BudgetStructure({
  items,
  local,
  selected,
  onSelect,
  onAdd,
}: {
  items: BudgetItem[] | undefined;
  /** Show what the unit in view received rather than the national budget. */
  local: boolean;
  selected: number | null;
  onSelect: (id: number) => void;
  onAdd?: () => void;
}) {
  const { t } = useLanguage();
  const current = items?.find((i) => i.id === selected);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('budget.structure')}
        </Title>
        {onAdd && (
          <Button size="xs" onClick={onAdd}>
            {t('budget.addItem')}
          </Button>
        )}
      </Group>
      {!items && <LoadingRows />}
      {items?.length === 0 && (
        <EmptyState title={t('budget.none')} hint={onAdd ? t('budget.noneHintPlan') : t('budget.noneHint')} />
      )}
      {!!items?.length && (
        <Text size="sm" c="gray.7" ta="right" mb={4}>
          {local ? t('budget.receivedBaht') : t('budget.budgetBaht')}
        </Text>
      )}
      <Stack gap="xs">
        {items?.map((i) => (
          <Group
            key={i.id}
            pl={`${INDENT[i.level]}rem`}
            gap={4}
            justify="space-between"
            align="flex-start"
            data-testid="budget-item"
          >
            <Box style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Badge variant="outline" color="dark" mr={6} style={{ verticalAlign: 'middle' }}>
                {t(`budget.levels.${i.level}`)}
              </Badge>
              {i.level === 'activity' ? (
                <Anchor
                  component="button"
                  type="button"
                  data-testid="budget-activity"
                  fw={i.id === selected ? 700 : 400}
                  onClick={() => onSelect(i.id)}
                  ta="left"
                  display="inline"
                >
                  {i.name}
                </Anchor>
              ) : (
                <Text span>{i.name}</Text>
              )}
            </Box>
            <Text style={{ whiteSpace: 'nowrap', marginLeft: 'auto' }} data-testid="budget-amount">
              {local
                ? money(i.receivedSatang ?? '0')
                : i.budgetSatang === null
                  ? t('budget.budgetNotStated')
                  : money(i.budgetSatang)}
            </Text>
          </Group>
        ))}
      </Stack>
      {!current && items?.length ? (
        <Text size="sm" mt="sm">
          {t('budget.chooseActivity')}
        </Text>
      ) : null}
      {current?.notes && (
        <Text size="sm" mt="sm" c="gray.7">
          {t('budget.notes')}: {current.notes}
        </Text>
      )}
    </Card>
  );
}
