import { Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { createPlanBody, PLAN_TERMS, type PlanDetail, planChange } from '#shared/plans';
import { fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useLessonList } from '../lessons/api';
import { useSavePlan } from './api';
import { useLessonPeriod } from './PlanParts';

/** The fiscal years a plan may name: two back, five ahead. */
export const planYearOptions = () => {
  const current = fiscalYearOf(todayIso()).fiscalYear;
  return Array.from({ length: 8 }, (_, i) => String(current - 2 + i));
};

/** A plan: title, short or long term, its years, goal and the earlier lessons it answers. */
export function PlanForm({ plan, unit, onClose }: { plan?: PlanDetail; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSavePlan();
  const period = useLessonPeriod();
  const lessons = useLessonList({ unit, pageSize: 200 }, !!unit);
  const current = String(fiscalYearOf(todayIso()).fiscalYear);
  const form = useSchemaForm({
    schema: plan ? planChange : createPlanBody,
    initialValues: {
      title: plan?.title ?? '',
      term: (plan?.term ?? 'short') as string,
      firstYear: plan ? String(plan.firstYear) : current,
      lastYear: plan ? String(plan.lastYear) : current,
      goal: plan?.goal ?? '',
      lessonIds: (plan?.lessons ?? []).map((l) => String(l.id)),
    },
    toBody: (v) => ({
      ...(plan ? { version: plan.version } : { orgUnitCode: unit }),
      title: v.title,
      term: v.term,
      firstYear: Number(v.firstYear),
      lastYear: v.term === 'short' ? Number(v.firstYear) : Number(v.lastYear),
      goal: v.goal,
      lessonIds: v.lessonIds.map(Number),
    }),
  });
  const values = form.getValues();
  const lessonOptions = (lessons.data?.items ?? [])
    .filter((l) => l.fiscalYear < Number(values.firstYear))
    .map((l) => ({ value: String(l.id), label: `${period(l)}: ${l.changes}`.slice(0, 120) }));
  const years = planYearOptions().map((y) => ({ value: y, label: y }));
  const submit = form.onSubmit((v) =>
    save.mutate({ id: plan?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={plan ? t('plans.edit') : t('plans.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('plans.fields.title')} required {...form.getInputProps('title')} />
          <Select
            label={t('plans.fields.term')}
            required
            allowDeselect={false}
            data={PLAN_TERMS.map((x) => ({ value: x, label: t(`plans.terms.${x}`) }))}
            {...form.getInputProps('term')}
          />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('plans.fields.firstYear')}
              required
              allowDeselect={false}
              data={years}
              {...form.getInputProps('firstYear')}
            />
            {values.term === 'long' && (
              <Select
                label={t('plans.fields.lastYear')}
                required
                allowDeselect={false}
                data={years}
                {...form.getInputProps('lastYear')}
              />
            )}
          </Group>
          <Textarea label={t('plans.fields.goal')} autosize minRows={2} {...form.getInputProps('goal')} />
          <MultiSelect label={t('plans.fields.lessons')} searchable data={lessonOptions} {...form.getInputProps('lessonIds')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
