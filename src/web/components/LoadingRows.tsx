import { Skeleton, Stack } from '@mantine/core';

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
