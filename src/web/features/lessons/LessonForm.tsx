import { Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { createLessonBody, type Lesson, lessonChange } from '#shared/lessons';
import { fiscalRange, fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { usePlanList } from '../plans/api';
import { useSaveLesson } from './api';

/** The fiscal years lessons may be recorded for: this one and three back (a year that has not begun has none). */
export const lessonYearOptions = () => {
  const current = fiscalYearOf(todayIso()).fiscalYear;
  return [0, 1, 2, 3].map((i) => String(current - i));
};

/** Lessons of a fiscal year or quarter: what worked, the problems, what will change, and the plan looked back on. */
export function LessonForm({ lesson, unit, onClose }: { lesson?: Lesson; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveLesson();
  const form = useSchemaForm({
    schema: lesson ? lessonChange : createLessonBody,
    initialValues: {
      fiscalYear: String(lesson?.fiscalYear ?? fiscalYearOf(todayIso()).fiscalYear - 1),
      quarter: lesson?.quarter ? String(lesson.quarter) : (null as string | null),
      planId: lesson?.plan ? String(lesson.plan.id) : (null as string | null),
      whatWorked: lesson?.whatWorked ?? '',
      problems: lesson?.problems ?? '',
      changes: lesson?.changes ?? '',
    },
    toBody: (v) => ({
      ...(lesson ? { version: lesson.version } : { orgUnitCode: unit }),
      fiscalYear: Number(v.fiscalYear),
      quarter: v.quarter ? Number(v.quarter) : undefined,
      planId: v.planId ? Number(v.planId) : undefined,
      whatWorked: v.whatWorked,
      problems: v.problems,
      changes: v.changes,
    }),
  });
  const year = form.getValues().fiscalYear;
  const plans = usePlanList({ unit, fiscalYear: year, pageSize: 50 }, !!unit);
  const today = todayIso();
  const quarters = ([1, 2, 3, 4] as const)
    .filter((q) => fiscalRange(Number(year), q).start <= today)
    .map((q) => ({ value: String(q), label: t('lessons.quarterN', { quarter: q }) }));
  const submit = form.onSubmit((v) =>
    save.mutate({ id: lesson?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={lesson ? t('lessons.edit') : t('lessons.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('lessons.fields.fiscalYear')}
              required
              allowDeselect={false}
              data={lessonYearOptions().map((y) => ({ value: y, label: y }))}
              {...form.getInputProps('fiscalYear')}
            />
            <Select
              label={t('lessons.fields.quarter')}
              placeholder={t('lessons.wholeYear')}
              clearable
              data={quarters}
              {...form.getInputProps('quarter')}
            />
          </Group>
          <Select
            label={t('lessons.fields.plan')}
            placeholder={t('lessons.noPlan')}
            clearable
            data={(plans.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.title }))}
            {...form.getInputProps('planId')}
          />
          <Textarea label={t('lessons.fields.whatWorked')} required autosize minRows={2} {...form.getInputProps('whatWorked')} />
          <Textarea label={t('lessons.fields.problems')} required autosize minRows={2} {...form.getInputProps('problems')} />
          <Textarea label={t('lessons.fields.changes')} required autosize minRows={2} {...form.getInputProps('changes')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
