import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { changePasswordBody } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useChangePassword, useLogout, useMe } from './session';

/**
 * Changing one's own password. `required`: an administrator set the password, so nothing else works until it is
 * changed (the server answers only me, password and logout): the dialog can't be dismissed, only left by signing out.
 */
export function ChangePasswordModal({
  opened,
  onClose,
  required = false,
}: {
  opened: boolean;
  onClose: () => void;
  required?: boolean;
}) {
  const { t, language } = useLanguage();
  const { data: me, refetch } = useMe();
  const logout = useLogout();
  const change = useChangePassword();
  const form = useSchemaForm({
    schema: changePasswordBody,
    initialValues: { currentPassword: '', newPassword: '' },
    toBody: (v) => v,
  });
  const close = () => {
    change.reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: async () => {
        await refetch();
        close();
      },
      onError: form.showServerErrors,
    }),
  );
  const reset = me?.passwordReset;
  return (
    <Modal
      opened={opened}
      onClose={required ? () => {} : close}
      withCloseButton={!required}
      closeOnEscape={!required}
      closeOnClickOutside={!required}
      title={required ? t('auth.mustChange') : t('auth.changePassword')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {required && reset && (
            <Alert color="orange">{t('auth.resetBy', { by: reset.by, at: formatDateTime(reset.at, language) })}</Alert>
          )}
          <ErrorAlert error={change.error} fieldsShown />
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          {required ? (
            <Group justify="space-between">
              <Button variant="default" onClick={() => logout.mutate()}>
                {t('auth.logout')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : (
            <FormActions onCancel={close} saving={change.isPending} />
          )}
        </Stack>
      </form>
    </Modal>
  );
}
