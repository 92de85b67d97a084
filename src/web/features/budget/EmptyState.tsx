import { Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Says there is nothing here yet and what the reader can do about it (the hint may hold the action button). */
export function EmptyState({ title, hint, testId = 'empty-state' }: { title: string; hint?: ReactNode; testId?: string }) {
  return (
    <Stack gap={4} py="sm" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="sm" c="gray.7" component="div">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** Rows of grey while a list loads, so the page does not jump or look empty. */
export function LoadingRows({ rows = 3 }: { rows?: number }) {
  return (
    <Stack gap="xs" data-testid="loading" aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on
        <Skeleton key={i} h={28} />
      ))}
    </Stack>
  );
}
