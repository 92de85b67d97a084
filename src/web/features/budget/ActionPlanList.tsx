import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useLanguage } from '../../i18n';
import { type ExpensePlanForm, emptyAction } from './expensePlanForm';

/** What will be done in which month and by whom; months shown in the Buddhist Era in Thai. */
export function ActionPlanList({ form, editable }: { form: ExpensePlanForm; editable: boolean }) {
  const { t, language } = useLanguage();
  const thai = language === 'th';
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
            <Group key={i} grow wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={`${t('expenses.what')} ${i + 1}`}
                placeholder={t('expenses.what')}
                disabled={!editable}
                {...form.getInputProps(`actions.${i}.what`)}
              />
              <MonthPickerInput
                aria-label={`${t('expenses.month')} ${i + 1}`}
                placeholder={t('expenses.month')}
                disabled={!editable}
                locale={language}
                valueFormat={thai ? 'MMMM BBBB' : 'MMMM YYYY'}
                yearLabelFormat={thai ? 'BBBB' : 'YYYY'}
                decadeLabelFormat={thai ? 'BBBB' : 'YYYY'}
                monthsListFormat="MMM"
                value={a.month ? `${a.month}-01` : null}
                onChange={(value) => form.setFieldValue(`actions.${i}.month`, value ? String(value).slice(0, 7) : '')}
                error={month.error}
              />
              <TextInput
                aria-label={`${t('expenses.who')} ${i + 1}`}
                placeholder={t('expenses.who')}
                disabled={!editable}
                {...form.getInputProps(`actions.${i}.who`)}
              />
            </Group>
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
