import { Modal, PasswordInput, Stack } from '@mantine/core';
import { changePasswordBody } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useChangePassword } from './session';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useLanguage();
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
  const submit = form.onSubmit((values) => change.mutate(values, { onSuccess: close, onError: form.showServerErrors }));
  return (
    <Modal opened={opened} onClose={close} title={t('auth.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack>
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
          <FormActions onCancel={close} saving={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
