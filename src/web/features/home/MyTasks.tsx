import { Anchor, Card, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useTasks } from './api';

const LINK = {
  my_advance_due: '/advances',
  advances_overdue: '/advances',
  expense_plans_returned: '/budget',
  expense_plans_to_review: '/budget',
  certifications_expiring: '/certifications',
} as const;

/** Reminders of what needs doing soon (overdue advances, plans to fix or review, certificates expiring). */
export function MyTasks() {
  const { t, language } = useLanguage();
  const tasks = useTasks();
  if (!tasks.data?.length) return null;
  return (
    <Card withBorder data-testid="my-tasks">
      <Title order={2} size="h4" mb="xs">
        {t('tasks.title')}
      </Title>
      <Stack gap={4}>
        {tasks.data.map((task) => (
          <Anchor key={task.kind} renderRoot={(props) => <Link {...props} to={LINK[task.kind]} />}>
            {t(`tasks.${task.kind}`, { count: task.count, date: task.dueOn ? formatDate(task.dueOn, language) : '' })}
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
