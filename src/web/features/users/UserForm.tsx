import { Button, Divider, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { createUserBody, resetPasswordBody, type User, updateUserBody } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { schemaErrors, useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useResetPassword, useSaveUser } from './api';

/** Create a user (no `user`) or edit one; the server decides what the actor may give. */
export function UserForm({ user, defaultUnit, onClose }: { user?: User; defaultUnit: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const save = useSaveUser();
  const reset = useResetPassword();
  const self = user?.id === me?.user.id;
  const form = useSchemaForm({
    schema: user ? updateUserBody : createUserBody,
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      position: user?.position ?? '',
      role: user?.role ?? me?.manageableRoles[me.manageableRoles.length - 1] ?? 'viewer',
      orgUnitCode: user?.orgUnitCode ?? defaultUnit,
      password: '',
      active: user?.active ?? true,
    },
    toBody: (v) =>
      user
        ? {
            version: user.version,
            displayName: v.displayName,
            position: v.position,
            ...(self ? {} : { role: v.role, orgUnitCode: v.orgUnitCode.trim(), active: v.active }),
          }
        : {
            username: v.username,
            displayName: v.displayName,
            position: v.position,
            role: v.role,
            orgUnitCode: v.orgUnitCode.trim(),
            password: v.password,
          },
  });
  const [newPassword, setNewPassword] = useState('');
  const [newPasswordError, setNewPasswordError] = useState<string | undefined>();
  const submit = form.onSubmit((values) =>
    save.mutate({ id: user?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  const resetPassword = () => {
    const errors = schemaErrors(resetPasswordBody, { password: newPassword }, t, language);
    setNewPasswordError(errors.password as string | undefined);
    if (!errors.password) reset.mutate({ id: user!.id, password: newPassword }, { onSuccess: () => setNewPassword('') });
  };
  const roles = [...new Set([...(me?.manageableRoles ?? []), ...(user ? [user.role] : [])])];

  return (
    <Modal opened onClose={onClose} title={user ? t('users.edit') : t('users.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('users.username')} required disabled={!!user} {...form.getInputProps('username')} />
          <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
          <TextInput label={t('users.position')} maxLength={200} {...form.getInputProps('position')} />
          <Select
            label={t('users.role')}
            required
            disabled={self}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <TextInput label={t('users.unitCode')} required disabled={self} {...form.getInputProps('orgUnitCode')} />
          {!user && (
            <PasswordInput label={t('users.password')} required autoComplete="new-password" {...form.getInputProps('password')} />
          )}
          {user && !self && <Switch label={t('users.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
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
              error={newPasswordError}
              onChange={(e) => setNewPassword(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button variant="light" loading={reset.isPending} onClick={resetPassword}>
              {reset.isSuccess ? t('users.saved') : t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
