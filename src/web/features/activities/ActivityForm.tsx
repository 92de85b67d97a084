import { Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { ACTIVITY_KINDS, type ActivityDetail, activityChange, createActivityBody, MARKET_EVENT_KINDS } from '#shared/activities';
import { fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGroupOptions } from '../groups/api';
import { usePartnerOptions } from '../partners/api';
import { personName, usePeopleOptions } from '../people/api';
import { bahtOf } from './ActivityParts';
import { useActivityBudgetItems, useActivityNames, useSaveActivity } from './api';

const ids = (values: string[]) => values.map(Number);
const strings = (named: { id: number }[] | undefined) => (named ?? []).map((n) => String(n.id));

/**
 * An activity: its kind (a training's topic, a market event's kind), dates, place, the people and groups taking part,
 * partners, and the budget activity that paid for it. People chosen count as attending until ticked off on its page.
 */
export function ActivityForm({ activity, unit, onClose }: { activity?: ActivityDetail; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const save = useSaveActivity();
  const names = useActivityNames();
  const people = usePeopleOptions(unit, personName, activity?.people);
  const groups = useGroupOptions(unit, (g) => g.name, activity?.groups);
  const partners = usePartnerOptions(unit, (p) => p.name, activity?.partners);
  const attended = new Map((activity?.people ?? []).map((p) => [String(p.id), p.attended]));
  const form = useSchemaForm({
    schema: activity ? activityChange : createActivityBody,
    initialValues: {
      kind: activity?.kind ?? 'training',
      topicCode: activity?.topicCode ?? null,
      marketKind: activity?.marketKind ?? null,
      title: activity?.title ?? '',
      startsOn: activity?.startsOn ?? todayIso(),
      endsOn: activity?.endsOn ?? todayIso(),
      place: activity?.place ?? '',
      personIds: strings(activity?.people),
      groupIds: strings(activity?.groups),
      partnerIds: strings(activity?.partners),
      budgetItemId: activity?.budgetItem ? String(activity.budgetItem.id) : null,
      budgetUsed: activity ? bahtText(activity.budgetUsedSatang) : '',
      note: activity?.note ?? '',
    },
    toBody: (v) => ({
      ...(activity ? { version: activity.version } : { orgUnitCode: unit }),
      kind: v.kind,
      topicCode: v.kind === 'training' ? (v.topicCode ?? undefined) : undefined,
      marketKind: v.kind === 'market_event' ? (v.marketKind ?? undefined) : undefined,
      title: v.title,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      place: v.place,
      people: v.personIds.map((id) => ({ personId: Number(id), attended: attended.get(id) ?? true })),
      groupIds: ids(v.groupIds),
      partnerIds: ids(v.partnerIds),
      budgetItemId: v.budgetItemId ? Number(v.budgetItemId) : undefined,
      budgetUsedSatang: v.budgetUsed.trim() ? satangOf(v.budgetUsed) : '0',
      note: v.note,
    }),
    fieldOf: { budgetUsedSatang: 'budgetUsed', people: 'personIds' },
    check: (v) => (bahtError(v.budgetUsed, t) ? { budgetUsed: bahtError(v.budgetUsed, t) } : {}),
  });
  const values = form.getValues();
  // The budget is the officers' to see: the committee records activities without the link.
  const readsBudget = can(me, 'budget.read');
  const year = values.startsOn ? fiscalYearOf(values.startsOn).fiscalYear : fiscalYearOf(todayIso()).fiscalYear;
  const budgetItems = useActivityBudgetItems(unit, year, readsBudget);
  const budgetOptions = (budgetItems.data ?? []).map((i) => {
    const own = activity?.budgetItem?.id === i.id ? BigInt(activity.budgetUsedSatang) : 0n;
    const left = BigInt(i.receivedSatang) - BigInt(i.usedSatang) + own;
    return { value: String(i.id), label: t('activities.budgetLeft', { name: i.name, left: bahtOf(String(left)) }) };
  });
  if (activity?.budgetItem && !budgetOptions.some((o) => o.value === String(activity.budgetItem!.id)))
    budgetOptions.push({ value: String(activity.budgetItem.id), label: activity.budgetItem.name });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: activity?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={activity ? t('activities.edit') : t('activities.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('activities.fields.kind')}
              required
              allowDeselect={false}
              data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            {values.kind === 'training' && (
              <Select label={t('activities.fields.topic')} required data={names.topics} {...form.getInputProps('topicCode')} />
            )}
            {values.kind === 'market_event' && (
              <Select
                label={t('activities.fields.marketKind')}
                required
                data={MARKET_EVENT_KINDS.map((k) => ({ value: k, label: names.marketName(k) }))}
                {...form.getInputProps('marketKind')}
              />
            )}
          </Group>
          <TextInput label={t('activities.fields.title')} required {...form.getInputProps('title')} />
          <Group grow align="flex-start" wrap="wrap">
            <ThaiDateInput label={t('activities.fields.startsOn')} required {...form.getInputProps('startsOn')} />
            <ThaiDateInput label={t('activities.fields.endsOn')} required {...form.getInputProps('endsOn')} />
          </Group>
          <TextInput label={t('activities.fields.place')} required {...form.getInputProps('place')} />
          <MultiSelect
            label={t('activities.fields.groups')}
            searchable
            {...groups}
            data-testid="activity-groups"
            {...form.getInputProps('groupIds')}
          />
          <MultiSelect
            label={t('activities.fields.people')}
            description={t('activities.peopleHint')}
            searchable
            {...people}
            data-testid="activity-people"
            {...form.getInputProps('personIds')}
          />
          <MultiSelect label={t('activities.fields.partners')} searchable {...partners} {...form.getInputProps('partnerIds')} />
          {readsBudget && (
            <Select
              label={t('activities.fields.budgetItem')}
              placeholder={t('activities.budgetNone')}
              clearable
              data={budgetOptions}
              {...form.getInputProps('budgetItemId')}
            />
          )}
          <TextInput label={t('activities.fields.budgetUsed')} inputMode="decimal" {...form.getInputProps('budgetUsed')} />
          <Textarea label={t('activities.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
