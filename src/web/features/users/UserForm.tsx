import { Button, Divider, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { User } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useResetPassword, useSaveUser } from './api';

/** Create a user (no `user`) or edit one; the server decides what the actor may give. */
export function UserForm({ user, defaultUnit, onClose }: { user?: User; defaultUnit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const save = useSaveUser();
  const reset = useResetPassword();
  const [form, setForm] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? me?.manageableRoles[me.manageableRoles.length - 1] ?? 'viewer',
    orgUnitCode: user?.orgUnitCode ?? defaultUnit,
    password: '',
    active: user?.active ?? true,
  });
  const [newPassword, setNewPassword] = useState('');
  const set = (key: keyof typeof form) => (value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const self = user?.id === me?.user.id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = user
      ? {
          version: user.version,
          displayName: form.displayName,
          ...(self ? {} : { role: form.role, orgUnitCode: form.orgUnitCode, active: form.active }),
        }
      : {
          username: form.username,
          displayName: form.displayName,
          role: form.role,
          orgUnitCode: form.orgUnitCode,
          password: form.password,
        };
    save.mutate({ id: user?.id, body }, { onSuccess: onClose });
  };
  const roles = [...new Set([...(me?.manageableRoles ?? []), ...(user ? [user.role] : [])])];

  return (
    <Modal opened onClose={onClose} title={user ? t('users.edit') : t('users.add')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('users.username')}
            required
            disabled={!!user}
            value={form.username}
            onChange={(e) => set('username')(e.currentTarget.value)}
          />
          <TextInput
            label={t('users.displayName')}
            required
            value={form.displayName}
            onChange={(e) => set('displayName')(e.currentTarget.value)}
          />
          <Select
            label={t('users.role')}
            required
            disabled={self}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={form.role}
            onChange={(v) => v && set('role')(v)}
            allowDeselect={false}
          />
          <TextInput
            label={t('users.unitCode')}
            required
            disabled={self}
            value={form.orgUnitCode}
            onChange={(e) => set('orgUnitCode')(e.currentTarget.value.trim())}
          />
          {!user && (
            <PasswordInput
              label={t('users.password')}
              required
              minLength={10}
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
            />
          )}
          {user && !self && (
            <Switch
              label={t('users.activeLabel')}
              checked={form.active}
              onChange={(e) => set('active')(e.currentTarget.checked)}
            />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
      {user && !self && (
        <Stack mt="md">
          <Divider label={t('users.resetPassword')} />
          <ErrorAlert error={reset.error} />
          <Group align="flex-end">
            <PasswordInput
              label={t('users.newPassword')}
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              loading={reset.isPending}
              onClick={() => reset.mutate({ id: user.id, password: newPassword }, { onSuccess: () => setNewPassword('') })}
            >
              {reset.isSuccess ? t('users.saved') : t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
