import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useLanguage } from '../../i18n';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useLanguage();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  });
  const close = () => {
    change.reset();
    setCurrent('');
    setNew('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(undefined, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('auth.changePassword')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            autoComplete="new-password"
            required
            minLength={10}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
          />
          <FormActions onCancel={close} saving={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
