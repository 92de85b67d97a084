import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentUnitCode } from '../hooks/units';
import { useLanguage } from '../i18n';

/** The lists and read views of the pipeline, each record at its own address. */
type ListRoute =
  | '/people'
  | '/wisdom'
  | '/groups'
  | '/producers'
  | '/products'
  | '/certifications'
  | '/services'
  | '/plans'
  | '/requests'
  | '/meetings'
  | '/posts'
  | '/reports';
type DetailRoute = `${ListRoute}/$id`;

/** A link to a record's read view, keeping the unit in view. */
export function RecordLink({ to, id, children }: { to: DetailRoute; id: number; children: ReactNode }) {
  const unit = useCurrentUnitCode();
  return (
    <Anchor renderRoot={(props) => <Link {...props} to={to} params={{ id: String(id) }} search={{ unit }} />}>{children}</Anchor>
  );
}

/** The top of a record's read view: the way back to its list, its name, status badges and the actions allowed. */
export function RecordHeader({
  list,
  listLabel,
  title,
  badges,
  actions,
}: {
  list: ListRoute;
  listLabel: string;
  title: string;
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  return (
    <Stack gap={4}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to={list} search={{ unit }} />}>
        ← {t('records.backTo', { list: listLabel })}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm" style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badges}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** A titled card of related records; says so when there are none. */
export function RecordSection({ title, empty, children }: { title: string; empty: boolean; children?: ReactNode }) {
  const { t } = useLanguage();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {empty ? <Text c="gray.7">{t('records.noneYet')}</Text> : children}
    </Card>
  );
}
