import { Anchor, Card, Group, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { BudgetItem } from '#shared/budget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadingRows } from '../../components/LoadingRows';
import { useLanguage } from '../../i18n';
import { useRollup } from './api';
import { RollupView } from './RollupPage';

/** On a province's or the nation's budget page: what the units below did with the activity's money. */
export function RollupSection({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const params = { unit, fiscalYear: String(item.fiscalYear), itemId: item.id };
  const rollup = useRollup(params);
  return (
    <Card withBorder data-testid="budget-rollup">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('rollup.byUnit')}
        </Title>
        <Group gap="xs">
          {rollup.data && <ExportMenu source={{ path: '/api/spending/rollup', params }} />}
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/spending" search={{ unit }} />}>
            {t('rollup.title')}
          </Anchor>
        </Group>
      </Group>
      <ErrorAlert error={rollup.error} />
      {!rollup.data && !rollup.error && <LoadingRows />}
      {rollup.data && <RollupView rollup={rollup.data} />}
    </Card>
  );
}
