import { Badge, Group, Stack, Text } from '@mantine/core';
import type { NeedItem } from '#shared/needs';
import { useLanguage } from '../../i18n';

const COLORS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gray' };

/** An analysis's problems and needs, highest priority first, each with its area. */
export function NeedItems({ items }: { items: NeedItem[] }) {
  const { t } = useLanguage();
  return (
    <Stack gap="xs">
      {items.map((i) => (
        <Stack key={i.id} gap={2}>
          <Group gap="xs">
            <Badge color={COLORS[i.priority]} variant="light">
              {t(`needs.priorities.${i.priority}`)}
            </Badge>
            <Text size="sm" fw={700}>
              {t(`needs.areas.${i.area}`)}
            </Text>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('needs.fields.problem')}: {i.problem}
          </Text>
          <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {t('needs.fields.need')}: {i.need}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
