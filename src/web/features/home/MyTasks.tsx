import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Permission } from '#shared/access';
import type { Task } from '#shared/tasks';
import { EmptyState } from '../../components/EmptyState';
import { LoadingRows } from '../../components/LoadingRows';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useTasks } from './api';

/**
 * The page each task is done on, and the permission that page needs (the same one the navigation checks);
 * `text` when the task's words live in its feature's namespace rather than `tasks`.
 */
const PAGE: Record<Task['kind'], { to: string; permission: Permission; search?: Record<string, string>; text?: string }> = {
  my_advance_due: { to: '/advances', permission: 'advances.read' },
  advances_overdue: { to: '/advances', permission: 'advances.read' },
  advances_to_approve: { to: '/advances', permission: 'advances.read', text: 'advances.tasks.toApprove' },
  // Pending payments are decided on the activity's spending view; the budget page opens on the current year.
  payments_to_approve: { to: '/budget', permission: 'budget.read', text: 'spending.tasks.toApprove' },
  expense_plans_returned: { to: '/budget', permission: 'budget.read' },
  expense_plans_to_review: { to: '/budget', permission: 'budget.read' },
  certifications_expiring: { to: '/certifications', permission: 'pipeline.read' },
  service_follow_ups_overdue: { to: '/services', permission: 'pipeline.read', search: { followUp: 'overdue' } },
  outcomes_to_verify: {
    to: '/outcomes',
    permission: 'pipeline.write',
    search: { toVerify: 'mine' },
    text: 'outcomes.tasks.toVerify',
  },
  requests_waiting: { to: '/requests', permission: 'pipeline.read', search: { status: 'new' }, text: 'requests.tasks.waiting' },
  portal_requests_waiting: {
    to: '/requests',
    permission: 'pipeline.read',
    search: { status: 'new', channel: 'portal' },
    text: 'requests.tasks.portalWaiting',
  },
  referrals_without_result: {
    to: '/requests',
    permission: 'pipeline.read',
    search: { tab: 'referrals', result: 'overdue' },
    text: 'requests.tasks.referralsWithoutResult',
  },
  resolutions_due: {
    to: '/meetings',
    permission: 'pipeline.write',
    search: { tab: 'resolutions' },
    text: 'meetings.tasks.resolutionsDue',
  },
};

/**
 * Reminders of what needs doing soon (overdue advances, plans to fix or review, certificates expiring). A task links
 * only to a page the user may open: a committee member who borrowed is told whom to see instead.
 */
export function MyTasks() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const tasks = useTasks();
  return (
    <Card withBorder data-testid="my-tasks">
      <Title order={2} size="h4" mb="xs">
        {t('tasks.title')}
      </Title>
      {!tasks.data && !tasks.error && <LoadingRows rows={2} />}
      {tasks.data?.length === 0 && <EmptyState title={t('tasks.none')} hint={t('tasks.noneHint')} />}
      <Stack gap={4}>
        {tasks.data?.map((task) => {
          const page = PAGE[task.kind];
          const text = t(page.text ?? `tasks.${task.kind}`, {
            count: task.count,
            date: task.dueOn ? formatDate(task.dueOn, language) : '',
          });
          if (can(me, page.permission))
            return (
              <Anchor key={task.kind} renderRoot={(props) => <Link {...props} to={page.to} search={page.search} />}>
                {text}
              </Anchor>
            );
          return (
            <Text key={task.kind} data-testid="task-text">
              {text}
              {task.kind === 'my_advance_due' && (
                <Text span size="sm" c="gray.7" display="block">
                  {t('tasks.askOfficer')}
                </Text>
              )}
            </Text>
          );
        })}
      </Stack>
    </Card>
  );
}
