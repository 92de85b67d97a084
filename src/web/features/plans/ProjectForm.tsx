import { Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { createProjectBody, type PlanDetail, type PlanProject, projectChange } from '#shared/plans';
import { fiscalRange } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { createOrUpdate, useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { usePartnerOptions } from '../partners/api';
import { useSaveProject } from './api';

const strings = (named: { id: number }[] | undefined) => (named ?? []).map((n) => String(n.id));

/** A project of a plan: objectives, target groups and partners of the district, budget in baht, indicators, timeline. */
export function ProjectForm({
  plan,
  project,
  onClose,
}: {
  plan: Pick<PlanDetail, 'id' | 'orgUnitCode' | 'firstYear' | 'lastYear'>;
  project?: PlanProject;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const save = useSaveProject(plan.id);
  const groups = useGroupOptions(plan.orgUnitCode, (g) => g.name);
  const partners = usePartnerOptions(plan.orgUnitCode, (p) => p.name);
  const form = useSchemaForm({
    schema: createOrUpdate(project, createProjectBody, projectChange),
    initialValues: {
      title: project?.title ?? '',
      objectives: project?.objectives ?? '',
      targetDescription: project?.targetDescription ?? '',
      targetGroupIds: strings(project?.targetGroups),
      partnerIds: strings(project?.partners),
      budget: project ? bahtText(project.budgetSatang) : '',
      indicators: project?.indicators ?? '',
      startsOn: project?.startsOn ?? fiscalRange(plan.firstYear).start,
      endsOn: project?.endsOn ?? fiscalRange(plan.lastYear).end,
    },
    toBody: ({ budget, targetGroupIds, partnerIds, ...v }) => ({
      ...(project ? { version: project.version } : {}),
      ...v,
      targetGroupIds: targetGroupIds.map(Number),
      partnerIds: partnerIds.map(Number),
      budgetSatang: budget.trim() ? satangOf(budget) : '0',
    }),
    fieldOf: { budgetSatang: 'budget' },
    check: (v) => (bahtError(v.budget, t) ? { budget: bahtError(v.budget, t) } : {}),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: project?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={project ? t('plans.projects.edit') : t('plans.projects.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('plans.projects.fields.title')} required {...form.getInputProps('title')} />
          <Textarea
            label={t('plans.projects.fields.objectives')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('objectives')}
          />
          <MultiSelect
            label={t('plans.projects.fields.targetGroups')}
            searchable
            {...groups}
            {...form.getInputProps('targetGroupIds')}
          />
          <Textarea label={t('plans.projects.fields.targetDescription')} autosize {...form.getInputProps('targetDescription')} />
          <MultiSelect
            label={t('plans.projects.fields.partners')}
            searchable
            {...partners}
            {...form.getInputProps('partnerIds')}
          />
          <TextInput label={t('plans.projects.fields.budget')} inputMode="decimal" {...form.getInputProps('budget')} />
          <Textarea label={t('plans.projects.fields.indicators')} autosize {...form.getInputProps('indicators')} />
          <Group grow align="flex-start" wrap="wrap">
            <ThaiDateInput label={t('plans.projects.fields.startsOn')} required {...form.getInputProps('startsOn')} />
            <ThaiDateInput label={t('plans.projects.fields.endsOn')} required {...form.getInputProps('endsOn')} />
          </Group>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
