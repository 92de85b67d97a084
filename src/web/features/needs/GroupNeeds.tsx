import { Accordion, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { NeedsAnalysis } from '#shared/needs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LockedNote } from '../../components/LockedNote';
import { RecordSection } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDeleteNeeds, useNeedsList } from './api';
import { NeedItems } from './NeedItems';
import { NeedsForm } from './NeedsForm';

/** A group's needs on its page: the latest analysis by priority, earlier ones folded away; officers add and change. */
export function GroupNeeds({ group }: { group: { id: number; name: string; orgUnitCode: string } }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const list = useNeedsList({ groupId: group.id, pageSize: 20 });
  const remove = useDeleteNeeds();
  const [editing, setEditing] = useState<NeedsAnalysis | 'new' | null>(null);
  const mayWrite = can(me, 'pipeline.write') && me?.orgUnit.code === group.orgUnitCode;
  const [latest, ...older] = list.data?.items ?? [];
  return (
    <RecordSection title={t('needs.section')} empty={!!list.data && !latest && !mayWrite}>
      <Stack data-testid="group-needs">
        <ErrorAlert error={remove.error} />
        {latest ? (
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700}>{t('needs.latest', { date: formatDate(latest.analysedOn, language) })}</Text>
              {mayWrite && !latest.locked && (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setEditing(latest)}>
                    {t('records.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(latest)}>
                    {t('needs.delete')}
                  </Button>
                </Group>
              )}
            </Group>
            {mayWrite && latest.locked && <LockedNote />}
            {latest.summary && <Text size="sm">{latest.summary}</Text>}
            <NeedItems items={latest.items} />
          </Stack>
        ) : (
          list.data && <Text c="gray.7">{t('needs.empty')}</Text>
        )}
        {older.length > 0 && (
          <Accordion variant="contained">
            <Accordion.Item value="older">
              <Accordion.Control>{t('needs.older', { count: older.length })}</Accordion.Control>
              <Accordion.Panel>
                <Stack>
                  {older.map((a) => (
                    <Stack key={a.id} gap="xs">
                      <Text fw={700} size="sm">
                        {formatDate(a.analysedOn, language)}
                      </Text>
                      <NeedItems items={a.items} />
                    </Stack>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
        {mayWrite && (
          <Group>
            <Button variant="light" onClick={() => setEditing('new')}>
              {t('needs.add')}
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <NeedsForm
          analysis={editing === 'new' ? undefined : editing}
          group={group}
          unit={group.orgUnitCode}
          onClose={() => setEditing(null)}
        />
      )}
    </RecordSection>
  );
}
