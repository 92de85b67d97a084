import { Modal, Stack, Textarea } from '@mantine/core';
import { type PlanProject, projectUpdateBody } from '#shared/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useAddProgress } from './api';

/** A dated progress report of a project: how far it is (0–100 %) and what was done. */
export function ProgressForm({
  project,
  onClose,
}: {
  project: Pick<PlanProject, 'id' | 'title' | 'progress'>;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const add = useAddProgress(project.id);
  const form = useSchemaForm({
    schema: projectUpdateBody,
    initialValues: {
      updatedOn: todayIso(),
      progressPercent: (project.progress?.progressPercent ?? 0) as number | string,
      note: '',
    },
    toBody: (v) => ({
      updatedOn: v.updatedOn,
      progressPercent: v.progressPercent === '' ? undefined : Number(v.progressPercent),
      note: v.note,
    }),
  });
  const submit = form.onSubmit((v) => add.mutate(form.toBody(v), { onSuccess: onClose, onError: form.showServerErrors }));
  return (
    <Modal opened onClose={onClose} title={`${t('plans.projects.addUpdate')}: ${project.title}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={add.error} fieldsShown />
          <ThaiDateInput label={t('plans.projects.updateFields.updatedOn')} required {...form.getInputProps('updatedOn')} />
          <NumberField
            label={t('plans.projects.updateFields.progressPercent')}
            required
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('progressPercent')}
          />
          <Textarea label={t('plans.projects.updateFields.note')} required autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
