import { Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ROLES } from '#shared/access';
import type { User } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useUsers } from './api';
import { UserForm } from './UserForm';

export function UsersPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [role, setRole] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const params = { unit, q: debouncedQ, role: role ?? undefined, page };
  const users = useUsers(params);
  const manage = can(me, 'users.manage');

  return (
    <Stack>
      <PageHeader title={t('users.title')} addLabel={t('users.add')} onAdd={manage ? () => setEditing('new') : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput label={t('users.search')} value={q} onChange={(e) => search(e.currentTarget.value)} miw={200} />
        <Select
          label={t('users.role')}
          clearable
          placeholder={t('common.all')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          miw={200}
        />
      </Group>
      <ErrorAlert error={users.error} />
      {!!users.data?.total && (
        <Group justify="flex-end">
          <ExportMenu source={{ path: '/api/users', params }} />
        </Group>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.username')}</Table.Th>
              <Table.Th>{t('users.displayName')}</Table.Th>
              <Table.Th>{t('users.position')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.unit')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr
                key={u.id}
                onClick={manage ? () => setEditing(u) : undefined}
                style={manage ? { cursor: 'pointer' } : undefined}
              >
                <Table.Td>
                  {manage ? (
                    <Button variant="subtle" size="compact-sm" onClick={() => setEditing(u)}>
                      {u.username}
                    </Button>
                  ) : (
                    u.username
                  )}
                </Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.position || '—'}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  {language === 'th' ? u.orgUnitNameTh : u.orgUnitNameEn} ({u.orgUnitCode})
                </Table.Td>
                <Table.Td>
                  {!u.active ? (
                    <Badge color="dark">{t('users.inactive')}</Badge>
                  ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <Badge color="orange.9">{t('users.locked')}</Badge>
                  ) : (
                    <Badge color="green.9">{t('users.active')}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && users.data.total === 0 && <Text>{t('users.none')}</Text>}
      {users.data && (
        <Group justify="space-between">
          <Text size="sm">{t('users.total', { count: users.data.total })}</Text>
          <Pagination total={Math.ceil(users.data.total / users.data.pageSize)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
      {editing && unit && (
        <UserForm user={editing === 'new' ? undefined : editing} defaultUnit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
