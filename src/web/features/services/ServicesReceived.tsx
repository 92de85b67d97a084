import { Stack, Text } from '@mantine/core';
import { RecordLink, RecordSection } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useServiceList, useServiceTypeName } from './api';

/** The latest services a group or a person received, on its page. */
export function ServicesReceived({ groupId, personId }: { groupId?: number; personId?: number }) {
  const { t, language } = useLanguage();
  const typeName = useServiceTypeName();
  const list = useServiceList({ groupId, personId, pageSize: 10 });
  const items = list.data?.items ?? [];
  return (
    <RecordSection title={t('services.received', { count: list.data?.total ?? 0 })} empty={!!list.data && items.length === 0}>
      <Stack gap="xs" data-testid="services-received">
        {items.map((s) => (
          <Stack key={s.id} gap={0}>
            <RecordLink to="/services/$id" id={s.id}>
              {formatDate(s.serviceDate, language)} · {t(`services.modes.${s.mode}`)}
            </RecordLink>
            <Text size="sm" c="gray.7">
              {s.typeCodes.map(typeName).join(', ')} · {s.staff.map((x) => x.name).join(', ')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </RecordSection>
  );
}
