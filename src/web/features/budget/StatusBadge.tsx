import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A status badge that always shows its whole label: Mantine cuts a badge's label with an ellipsis when its cell is
 * narrow ("เกินกำห…"), so this one keeps its width and lets the row grow instead.
 */
export function StatusBadge({ children, ...props }: BadgeProps & { children: ReactNode; 'data-testid'?: string }) {
  return (
    <Badge
      {...props}
      styles={{ root: { width: 'max-content', flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {children}
    </Badge>
  );
}
