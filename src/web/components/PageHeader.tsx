import { Button, Group, Title } from '@mantine/core';

/** A page's title, with its "add" button when the user may add. */
export function PageHeader({ title, addLabel, onAdd }: { title: string; addLabel?: string; onAdd?: () => void }) {
  return (
    <Group justify="space-between">
      <Title order={1} size="h2">
        {title}
      </Title>
      {onAdd && addLabel && <Button onClick={onAdd}>{addLabel}</Button>}
    </Group>
  );
}
