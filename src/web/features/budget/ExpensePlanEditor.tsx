import { Alert, Button, Card, Group, Text, Textarea, Title } from '@mantine/core';
import type { BudgetItem } from '#shared/budget';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingRows } from '../../components/LoadingRows';
import { StatusBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { ActionPlanList } from './ActionPlanList';
import { useExpensePlan, useSaveExpensePlan, useSubmitExpensePlan } from './api';
import { ExpenseLinesTable } from './ExpenseLinesTable';
import { allowedMonths, useExpensePlanForm } from './expensePlanForm';

const statusColor = { draft: 'gray.7', submitted: 'blue.9', returned: 'orange.9', approved: 'green.9' } as const;

/** The district's expense lines and action plan for one activity: edit while draft or returned, then send. */
export function ExpensePlanEditor({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const plan = useExpensePlan(item.id, unit);
  const form = useExpensePlanForm(item, unit, plan.data);
  const save = useSaveExpensePlan();
  const submit = useSubmitExpensePlan();
  const p = plan.data;
  const editable = can(me, 'expenses.write') && (!p || p.status === 'draft' || p.status === 'returned');
  const allowed = allowedMonths(item, p);
  const values = form.getValues();
  const outside = allowed.length > 0 && values.actions.some((a) => a.month && !allowed.includes(a.month));

  const saveDraft = () => {
    if (form.validateDraft()) save.mutate(form.draftBody(form.getValues()), { onError: form.showServerErrors });
  };
  const send = form.onSubmit((values) => submit.mutate(form.toBody(values), { onError: form.showServerErrors }));

  return (
    <Card withBorder component="form" onSubmit={send} noValidate>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('expenses.title')}
        </Title>
        {p && (
          <Group gap="xs">
            <StatusBadge color={statusColor[p.status]} data-testid="expense-status">
              {t(`expenses.statuses.${p.status}`)}
            </StatusBadge>
            <Button component="a" variant="light" size="xs" href={`/api/expense-plans/${p.id}.pdf`} download>
              {t('expenses.pdf')}
            </Button>
          </Group>
        )}
      </Group>
      {p?.status === 'returned' && p.reviewComment && (
        <Alert color="orange" mb="sm" role="status" title={t('expenses.comment')}>
          {p.reviewComment}
        </Alert>
      )}
      <ErrorAlert error={plan.error ?? save.error ?? submit.error} fieldsShown />
      {plan.isPending && <LoadingRows />}
      {p === null && !editable && (
        <EmptyState title={t('expenses.noPlan')} hint={t('expenses.noPlanHint')} testId="expense-plan-empty" />
      )}
      {p === null && editable && (
        <Text size="sm" c="gray.7" mb="xs" data-testid="expense-plan-start">
          {t('expenses.startHint')}
        </Text>
      )}
      {(p || (p === null && editable)) && (
        <>
          <ExpenseLinesTable form={form} editable={editable} allocatedSatang={p?.allocatedSatang} />
          <ActionPlanList form={form} editable={editable} fiscalYear={item.fiscalYear} allowed={allowed} />
          {(outside || values.outsideQuarterReason) && (
            <Textarea
              mt="sm"
              label={t('expenses.outsideQuarterReason')}
              // Mantine's default description colour is too faint to read (axe colour contrast).
              descriptionProps={{ c: 'gray.7' }}
              description={t('expenses.outsideQuarterHint')}
              disabled={!editable}
              autosize
              minRows={2}
              {...form.getInputProps('outsideQuarterReason')}
            />
          )}
        </>
      )}
      {editable && !plan.isPending && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" loading={save.isPending} onClick={saveDraft}>
            {t('expenses.save')}
          </Button>
          <Button type="submit" loading={submit.isPending}>
            {t('expenses.submit')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
