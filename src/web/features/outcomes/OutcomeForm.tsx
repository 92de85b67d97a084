import { Alert, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { createOutcomeBody, OUTCOME_KINDS, OUTCOME_LINK, type Outcome, outcomeChange } from '#shared/outcomes';
import { formatBaht } from '#shared/thai/index';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useFundingList, useSourceName } from '../funding/api';
import { useGroup, useGroupOptions } from '../groups/api';
import { useSalesSummary } from '../sales/api';
import { shortMonth } from '../sales/SalesChart';
import { useSaveOutcome } from './api';
import { incomePeriods, periodOf, periodValue } from './periods';

const id = (value: string) => (value ? Number(value) : undefined);

/**
 * An outcome of a group with the evidence its kind needs, picked from the group's own records; an income increase
 * compares two periods whose income the server reads from the sales records (shown here as a preview).
 */
export function OutcomeForm({
  outcome,
  unit,
  group,
  onClose,
}: {
  outcome?: Outcome;
  unit: string;
  /** The group a new outcome is for, when added from the group's page. */
  group?: { id: number; name: string };
  onClose: () => void;
}) {
  const { t, language, nameOf } = useLanguage();
  const save = useSaveOutcome();
  const groups = useGroupOptions(unit, (g) => g.name, outcome ? [outcome.group] : group ? [group] : []);
  const channels = useCodeList('sales_channel');
  const sourceName = useSourceName();
  const { periods, after, before } = incomePeriods(todayIso());
  const form = useSchemaForm({
    schema: outcome ? outcomeChange : createOutcomeBody,
    initialValues: {
      groupId: String(outcome?.group.id ?? group?.id ?? ''),
      kind: (outcome?.kind ?? 'income_increase') as string,
      happenedOn: outcome?.happenedOn ?? todayIso(),
      reportedOn: outcome?.reportedOn ?? todayIso(),
      description: outcome?.description ?? '',
      productId: String(outcome?.product?.id ?? ''),
      certificationId: String(outcome?.certification?.id ?? ''),
      channelCode: outcome?.channelCode ?? '',
      fundingApplicationId: String(outcome?.fundingApplication?.id ?? ''),
      jobsCount: (outcome?.jobsCount ?? '') as number | string,
      before: periodValue(outcome?.income?.before ?? before),
      after: periodValue(outcome?.income?.after ?? after),
    },
    toBody: (v) => {
      const link = OUTCOME_LINK[v.kind as keyof typeof OUTCOME_LINK];
      return {
        ...(outcome ? { version: outcome.version } : { orgUnitCode: unit }),
        groupId: id(v.groupId),
        kind: v.kind,
        happenedOn: v.happenedOn,
        reportedOn: v.reportedOn,
        description: v.description,
        productId: link === 'productId' ? id(v.productId) : undefined,
        certificationId: link === 'certificationId' ? id(v.certificationId) : undefined,
        channelCode: link === 'channelCode' ? v.channelCode || undefined : undefined,
        fundingApplicationId: link === 'fundingApplicationId' ? id(v.fundingApplicationId) : undefined,
        jobsCount: link === 'jobsCount' && v.jobsCount !== '' ? Number(v.jobsCount) : undefined,
        income: link === 'income' ? { before: periodOf(v.before), after: periodOf(v.after) } : undefined,
      };
    },
  });
  const values = form.getValues();
  const link = OUTCOME_LINK[values.kind as keyof typeof OUTCOME_LINK];
  const chosen = useGroup(values.groupId || null);
  const funded = useFundingList(
    { groupId: values.groupId, status: 'approved', pageSize: 50 },
    link === 'fundingApplicationId' && !!values.groupId,
  );
  const beforeIncome = useSalesSummary(
    { groupId: values.groupId, ...periodOf(values.before) },
    link === 'income' && !!values.groupId,
  );
  const afterIncome = useSalesSummary(
    { groupId: values.groupId, ...periodOf(values.after) },
    link === 'income' && !!values.groupId,
  );
  const periodLabel = (p: { from: string; to: string; fiscalYear?: number; quarter?: number }) =>
    `${p.quarter ? `${t('outcomes.income.quarter', { quarter: p.quarter, year: p.fiscalYear })} · ` : ''}${shortMonth(p.from, language)} – ${shortMonth(p.to, language)}`;
  const periodOptions = [...periods, before]
    .map((p) => ({ value: periodValue(p), label: periodLabel(p) }))
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  for (const value of [values.before, values.after])
    if (!periodOptions.some((o) => o.value === value)) periodOptions.push({ value, label: periodLabel(periodOf(value)) });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: outcome?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={outcome ? t('outcomes.edit') : t('outcomes.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select label={t('outcomes.fields.group')} required searchable {...groups} {...form.getInputProps('groupId')} />
          <Select
            label={t('outcomes.fields.kind')}
            required
            allowDeselect={false}
            data={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomes.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          {link === 'productId' && (
            <Select
              label={t('outcomes.fields.product')}
              required
              data={(chosen.data?.products ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              {...form.getInputProps('productId')}
            />
          )}
          {link === 'certificationId' && (
            <Select
              label={t('outcomes.fields.certification')}
              required
              data={(chosen.data?.certifications ?? []).map((c) => ({ value: String(c.id), label: c.certificateNo }))}
              {...form.getInputProps('certificationId')}
            />
          )}
          {link === 'channelCode' && (
            <Select
              label={t('outcomes.fields.channel')}
              required
              data={(channels.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }))}
              {...form.getInputProps('channelCode')}
            />
          )}
          {link === 'fundingApplicationId' && (
            <Select
              label={t('outcomes.fields.funding')}
              required
              data={(funded.data?.items ?? []).map((f) => ({
                value: String(f.id),
                label: `${sourceName(f.sourceCode)} · ${formatBaht(BigInt(f.approvedSatang ?? '0'))}`,
              }))}
              {...form.getInputProps('fundingApplicationId')}
            />
          )}
          {link === 'jobsCount' && (
            <NumberField
              label={t('outcomes.fields.jobs')}
              required
              min={1}
              allowDecimal={false}
              {...form.getInputProps('jobsCount')}
            />
          )}
          {link === 'income' && (
            <>
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('outcomes.fields.before')}
                  allowDeselect={false}
                  data={periodOptions}
                  {...form.getInputProps('before')}
                />
                <Select
                  label={t('outcomes.fields.after')}
                  allowDeselect={false}
                  data={periodOptions}
                  {...form.getInputProps('after')}
                />
              </Group>
              <Alert variant="light" color="blue" data-testid="income-preview">
                <Text size="sm">{t('outcomes.income.hint')}</Text>
                {beforeIncome.data && afterIncome.data && (
                  <Text size="sm" fw={700}>
                    {t('outcomes.income.preview', {
                      before: formatBaht(BigInt(beforeIncome.data.totalSatang)),
                      after: formatBaht(BigInt(afterIncome.data.totalSatang)),
                    })}
                  </Text>
                )}
              </Alert>
            </>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <ThaiDateInput label={t('outcomes.fields.happenedOn')} required {...form.getInputProps('happenedOn')} />
            <ThaiDateInput label={t('outcomes.fields.reportedOn')} required {...form.getInputProps('reportedOn')} />
          </Group>
          <Textarea
            label={t('outcomes.fields.description')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
