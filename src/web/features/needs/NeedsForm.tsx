import { ActionIcon, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { createNeedsBody, NEED_AREAS, NEED_PRIORITIES, type NeedsAnalysis, needsChange } from '#shared/needs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { useSaveNeeds } from './api';

type Row = { area: string | null; problem: string; need: string; priority: string | null };
const blank = (): Row => ({ area: null, problem: '', need: '', priority: '2' });

/**
 * A group's needs analysis: its date, a summary and rows of area, problem, need and priority, added and removed
 * freely. The rows are replaced whole when it is saved. `group` fixes the group (from the group's page).
 */
export function NeedsForm({
  analysis,
  group,
  unit,
  onClose,
}: {
  analysis?: NeedsAnalysis;
  group?: { id: number; name: string };
  unit: string;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const save = useSaveNeeds();
  const groups = useGroupOptions(
    unit,
    (g) => g.name,
    analysis ? [{ id: analysis.groupId, name: analysis.groupName }] : group ? [group] : [],
  );
  const fixedGroup = analysis?.groupId ?? group?.id;
  const form = useSchemaForm({
    schema: analysis ? needsChange : createNeedsBody,
    initialValues: {
      groupId: fixedGroup ? String(fixedGroup) : (null as string | null),
      analysedOn: analysis?.analysedOn ?? todayIso(),
      summary: analysis?.summary ?? '',
      items: analysis
        ? analysis.items.map((i): Row => ({ area: i.area, problem: i.problem, need: i.need, priority: String(i.priority) }))
        : [blank()],
    },
    toBody: (v) => ({
      ...(analysis ? { version: analysis.version } : { groupId: v.groupId ? Number(v.groupId) : undefined }),
      analysedOn: v.analysedOn,
      summary: v.summary,
      items: v.items.map((i) => ({
        area: i.area ?? undefined,
        problem: i.problem,
        need: i.need,
        priority: i.priority ? Number(i.priority) : undefined,
      })),
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: analysis?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  const items = form.getValues().items;
  return (
    <Modal opened onClose={onClose} title={analysis ? t('needs.edit') : t('needs.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select
            label={t('needs.fields.group')}
            required
            searchable
            disabled={!!fixedGroup}
            {...groups}
            {...form.getInputProps('groupId')}
          />
          <ThaiDateInput label={t('needs.fields.analysedOn')} required {...form.getInputProps('analysedOn')} />
          <Textarea label={t('needs.fields.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
          <Text fw={700}>{t('needs.fields.items')}</Text>
          {form.errors.items && (
            <Text c="red" size="sm">
              {form.errors.items}
            </Text>
          )}
          {items.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; the index is their place in the form.
            <Card key={i} withBorder padding="sm" data-testid="need-row">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text size="sm" fw={700}>
                    {t('needs.itemN', { n: i + 1 })}
                  </Text>
                  {items.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('needs.removeItem', { n: i + 1 })}
                      onClick={() => form.removeListItem('items', i)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('needs.fields.area')}
                    required
                    data={NEED_AREAS.map((a) => ({ value: a, label: t(`needs.areas.${a}`) }))}
                    {...form.getInputProps(`items.${i}.area`)}
                  />
                  <Select
                    label={t('needs.fields.priority')}
                    required
                    allowDeselect={false}
                    data={NEED_PRIORITIES.map((p) => ({ value: String(p), label: t(`needs.priorities.${p}`) }))}
                    {...form.getInputProps(`items.${i}.priority`)}
                  />
                </SimpleGrid>
                <Textarea label={t('needs.fields.problem')} required autosize {...form.getInputProps(`items.${i}.problem`)} />
                <Textarea label={t('needs.fields.need')} required autosize {...form.getInputProps(`items.${i}.need`)} />
              </Stack>
            </Card>
          ))}
          <Group>
            <Button variant="light" onClick={() => form.insertListItem('items', blank())}>
              {t('needs.addItem')}
            </Button>
          </Group>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
