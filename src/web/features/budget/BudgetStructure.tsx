import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { BudgetItem } from '#shared/budget';
import { useLanguage } from '../../i18n';
import { money } from './money';

const INDENT = { plan: 0, project: 0, main_activity: 20, activity: 40 } as const;

/** Plans, projects, main activities and activities of the year; an activity is chosen to work on. */
export function BudgetStructure({
  items,
  selected,
  onSelect,
  onAdd,
}: {
  items: BudgetItem[] | undefined;
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
      {items?.length === 0 && <Text>{t('budget.none')}</Text>}
      <Stack gap={4}>
        {items?.map((i) => (
          <Group key={i.id} gap="xs" pl={INDENT[i.level]} wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap">
              <Badge variant="outline" color="dark" style={{ flexShrink: 0 }}>
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
                >
                  {i.name}
                </Anchor>
              ) : (
                <Text>{i.name}</Text>
              )}
            </Group>
            <Text style={{ whiteSpace: 'nowrap' }}>{money(i.budgetSatang)}</Text>
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
