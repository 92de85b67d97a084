import { Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { BudgetItem } from '#shared/budget';
import { deadlineBody, returnBody, reviewBody } from '#shared/expenses';
import { formatBaht } from '#shared/thai/money';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadingRows } from '../../components/LoadingRows';
import { StatusBadge } from '../../components/StatusBadge';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useExpensePlanById, useReviewExpensePlan, useSetDeadline, useSubmissions } from './api';
import { amountInWords } from './money';

const statusColor = {
  draft: 'gray.7',
  not_submitted: 'gray.7',
  submitted: 'blue.9',
  returned: 'orange.9',
  approved: 'green.9',
} as const;

function ReviewModal({ planId, name, onClose }: { planId: number; name: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const plan = useExpensePlanById(planId);
  const decide = useReviewExpensePlan(planId);
  // Returning needs a comment (returnBody); approving takes an optional one (reviewBody).
  const returning = useSchemaForm({
    schema: returnBody,
    initialValues: { comment: '' },
    toBody: (v) => ({ version: plan.data?.version ?? 1, comment: v.comment }),
  });
  const decideWith = (action: 'return' | 'approve') => {
    if (action === 'return' && returning.validate().hasErrors) return;
    const body = { version: plan.data?.version ?? 1, comment: returning.getValues().comment };
    if (action === 'approve' && !reviewBody.safeParse(body).success) return;
    decide.mutate({ action, body }, { onSuccess: onClose, onError: returning.showServerErrors });
  };
  const p = plan.data;
  return (
    <Modal opened onClose={onClose} title={`${t('expenses.title')} · ${name}`} size="lg">
      <ErrorAlert error={plan.error} />
      {!p && !plan.error && <LoadingRows />}
      {p && (
        <Stack>
          <ErrorAlert error={decide.error} />
          <Table>
            <Table.Tbody>
              {p.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own
                <Table.Tr key={i}>
                  <Table.Td>{l.item}</Table.Td>
                  <Table.Td>
                    {l.quantity} {l.unit}
                  </Table.Td>
                  <Table.Td ta="right">{formatBaht(BigInt(l.totalSatang))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={700}>
            {t('expenses.total')} {formatBaht(BigInt(p.totalSatang))} ({amountInWords(p.totalSatang, language)})
          </Text>
          {p.status === 'submitted' && can(me, 'expenses.review') && (
            <>
              <Textarea label={t('expenses.comment')} {...returning.getInputProps('comment')} />
              <Group justify="flex-end">
                <Button variant="light" color="orange.9" loading={decide.isPending} onClick={() => decideWith('return')}>
                  {t('expenses.returnToDistrict')}
                </Button>
                <Button loading={decide.isPending} onClick={() => decideWith('approve')}>
                  {t('expenses.approve')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function DeadlineSetter({ item, unit, current }: { item: BudgetItem; unit: string; current: string | null }) {
  const { t } = useLanguage();
  const save = useSetDeadline(item.id);
  const form = useSchemaForm({
    schema: deadlineBody,
    initialValues: { deadline: current },
    toBody: (v) => ({ provinceCode: unit, deadline: v.deadline ?? undefined }),
  });
  const deadline = form.values.deadline;
  const submit = () => {
    if (!form.validate().hasErrors) save.mutate(form.toBody(form.getValues()), { onError: form.showServerErrors });
  };
  return (
    <Group align="flex-end" gap="xs">
      <ThaiDateInput label={t('expenses.deadline')} {...form.getInputProps('deadline')} />
      <Button variant="light" disabled={!deadline || deadline === current} loading={save.isPending} onClick={submit}>
        {t('common.save')}
      </Button>
      <ErrorAlert error={save.error} fieldsShown />
    </Group>
  );
}

/** The province's follow-up: every district that received money, with its submission status. */
export function SubmissionsView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const overview = useSubmissions(item.id, unit);
  const [reviewing, setReviewing] = useState<{ planId: number; name: string } | null>(null);
  if (overview.error) return <ErrorAlert error={overview.error} />;
  const data = overview.data;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4">
            {t('expenses.submissions')}
          </Title>
          {!!data?.districts.length && (
            <ExportMenu source={{ path: `/api/budget/items/${item.id}/submissions`, params: { unit } }} />
          )}
        </Group>
        {data &&
          (can(me, 'expenses.review') ? (
            <DeadlineSetter item={item} unit={unit} current={data.deadline} />
          ) : (
            data.deadline && (
              <Text>
                {t('expenses.deadline')} {formatDate(data.deadline, language)}
              </Text>
            )
          ))}
      </Group>
      {!data && <LoadingRows />}
      {data?.districts.length === 0 && (
        <EmptyState title={t('expenses.noDistricts')} hint={t('expenses.noDistrictsHint')} testId="submissions-empty" />
      )}
      {/* Rows wrap instead of scrolling sideways, so the status and the open button stay in view on a phone. */}
      <Stack gap={0} data-testid="submissions">
        {data?.districts.map((d) => (
          <Group
            key={d.code}
            justify="space-between"
            gap="xs"
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            data-testid="submission"
          >
            <Text fw={500}>{nameOf(d)}</Text>
            <Group gap="xs">
              <StatusBadge color={statusColor[d.status]}>{t(`expenses.statuses.${d.status}`)}</StatusBadge>
              {d.daysLate ? (
                <Text span size="sm" c="red.9">
                  {t('expenses.late', { count: d.daysLate })}
                </Text>
              ) : null}
              {d.planId && d.status !== 'not_submitted' && (
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={`${t('records.open')} ${nameOf(d)}`}
                  onClick={() => setReviewing({ planId: d.planId!, name: nameOf(d) })}
                >
                  {t('records.open')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {reviewing && <ReviewModal planId={reviewing.planId} name={reviewing.name} onClose={() => setReviewing(null)} />}
    </Card>
  );
}
