import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A status that wraps onto a second line in a narrow cell instead of being cut off ("เกินกำห…"). */
export function StatusBadge({ children, ...props }: BadgeProps & { children: ReactNode; 'data-testid'?: string }) {
  return (
    <Badge
      variant="outline"
      color="dark"
      {...props}
      styles={{
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.4 },
      }}
    >
      {children}
    </Badge>
  );
}
