import { Button, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useLanguage } from '../../i18n';
import { type ExpensePlanForm, emptyAction } from './expensePlanForm';
import { MonthSelect } from './MonthSelect';

/** What will be done in which month of the fiscal year and by whom; one row per action, stacked on a phone. */
export function ActionPlanList({
  form,
  editable,
  fiscalYear,
  allowed,
}: {
  form: ExpensePlanForm;
  editable: boolean;
  fiscalYear: number;
  /** The months inside the allocated quarters; a month chosen outside them is marked. */
  allowed: string[];
}) {
  const { t, language } = useLanguage();
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('expenses.actions')}
      </Title>
      <Stack gap="xs">
        {form.values.actions.map((a, i) => {
          const month = form.getInputProps(`actions.${i}.month`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
            <SimpleGrid key={i} cols={{ base: 1, sm: 3 }} spacing="xs" data-testid="action">
              <TextInput
                aria-label={`${t('expenses.what')} ${i + 1}`}
                placeholder={t('expenses.what')}
                disabled={!editable}
                {...form.getInputProps(`actions.${i}.what`)}
              />
              <MonthSelect
                aria-label={`${t('expenses.month')} ${i + 1}`}
                placeholder={t('expenses.chooseMonth')}
                disabled={!editable}
                fiscalYear={fiscalYear}
                language={language}
                value={a.month}
                onChange={(value) => form.setFieldValue(`actions.${i}.month`, value)}
                // The list only offers real months, so a month the schema refuses is one not chosen yet; an error on a
                // chosen month is the server's "outside the quarter".
                error={month.error ? (a.month ? month.error : t('validation.choose')) : undefined}
                description={a.month && allowed.length && !allowed.includes(a.month) ? t('expenses.outsideQuarter') : undefined}
              />
              <TextInput
                aria-label={`${t('expenses.who')} ${i + 1}`}
                placeholder={t('expenses.who')}
                disabled={!editable}
                {...form.getInputProps(`actions.${i}.who`)}
              />
            </SimpleGrid>
          );
        })}
        {editable && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => form.insertListItem('actions', emptyAction())}>
            {t('expenses.addAction')}
          </Button>
        )}
      </Stack>
    </>
  );
}
