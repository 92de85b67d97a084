import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a record's page. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}
