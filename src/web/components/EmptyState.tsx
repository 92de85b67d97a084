import { Button, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n';

/** What a list says when it has nothing: that there is nothing yet, what to do about it, and the add action if allowed. */
export function EmptyState({
  title,
  hint,
  actionLabel,
  onAction,
  testId = 'empty-state',
}: {
  title: string;
  /** What to do about it; may hold a link or a button of its own. */
  hint?: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
  testId?: string;
}) {
  return (
    <Paper withBorder p="lg" data-testid={testId}>
      <Stack align="center" gap="xs" ta="center">
        <Text fw={700}>{title}</Text>
        {hint && (
          <Text size="sm" c="gray.7" component="div">
            {hint}
          </Text>
        )}
        {onAction && actionLabel && <Button onClick={onAction}>{actionLabel}</Button>}
      </Stack>
    </Paper>
  );
}

export type RecordKind = 'person' | 'wisdom' | 'group' | 'producer' | 'product' | 'certification';

/**
 * The empty pipeline list: nothing matches the search or filter, or nothing is recorded yet, with the add
 * action for those who may add and, for the others, where the records will come from.
 */
export function RecordsEmpty({ kind, filtered, onAdd }: { kind: RecordKind; filtered: boolean; onAdd?: () => void }) {
  const { t } = useLanguage();
  if (filtered) return <EmptyState title={t('records.noMatch')} hint={t('records.noMatchHint')} />;
  const addLabel = t(`records.addKind.${kind}`);
  return (
    <EmptyState
      title={t(`records.emptyKind.${kind}`)}
      hint={onAdd ? t('records.emptyAddHint', { add: addLabel }) : t('records.emptyReadHint')}
      actionLabel={addLabel}
      onAction={onAdd}
    />
  );
}
