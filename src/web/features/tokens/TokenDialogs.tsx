import { Alert, Button, Code, CopyButton, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { TOKEN_ACCESS } from '#shared/access';
import { type ApiToken, type CreatedApiToken, createApiTokenBody, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '#shared/tokens';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useCreateToken, useRevokeToken } from './api';

/** Makes a token for a unit of the user's scope; `onCreated` gets the answer with the secret, shown once. */
export function TokenForm({
  defaultUnit,
  onCreated,
  onClose,
}: {
  defaultUnit: string;
  onCreated: (token: CreatedApiToken) => void;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const create = useCreateToken();
  const form = useSchemaForm({
    schema: createApiTokenBody,
    initialValues: {
      name: '',
      orgUnitCode: defaultUnit,
      access: 'read' as (typeof TOKEN_ACCESS)[number],
      expiresOn: null as string | null,
    },
    toBody: (v) => ({
      name: v.name,
      orgUnitCode: v.orgUnitCode.trim(),
      access: v.access,
      ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
    }),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(form.toBody(values), { onSuccess: onCreated, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('tokens.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fieldsShown />
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={100}
            {...form.getInputProps('name')}
          />
          <TextInput label={t('tokens.unitCode')} required {...form.getInputProps('orgUnitCode')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="token-access-label">
              {t('tokens.access')}
            </Text>
            <SegmentedControl
              aria-labelledby="token-access-label"
              data={TOKEN_ACCESS.map((a) => ({ value: a, label: t(`tokens.accessLevels.${a}`) }))}
              {...form.getInputProps('access')}
            />
            <Text size="xs" c="gray.7">
              {t(`tokens.accessHints.${form.values.access}`)}
            </Text>
          </Stack>
          <ThaiDateInput label={t('tokens.expiresOn')} clearable {...form.getInputProps('expiresOn')} />
          <Text size="xs" c="gray.7">
            {t('tokens.expiresHint', { days: TOKEN_DEFAULT_DAYS, max: TOKEN_MAX_DAYS })}
          </Text>
          <FormActions onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The new token's secret, once: copy it now, it is never shown again. */
export function SecretDialog({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const { t } = useLanguage();
  return (
    <Modal opened onClose={onClose} title={t('tokens.secretTitle', { name: token.name })} closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange.9" variant="outline" title={t('tokens.secretWarningTitle')}>
          {t('tokens.secretWarning')}
        </Alert>
        <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {token.secret}
        </Code>
        <Text size="xs" c="gray.7">
          {t('tokens.usage')}
        </Text>
        <Group justify="space-between">
          <CopyButton value={token.secret}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'light'} color={copied ? 'green.9' : undefined} onClick={copy}>
                {copied ? t('tokens.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('tokens.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Asks before revoking: the systems using the token lose access at their next request, for good. */
export function RevokeDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const { t } = useLanguage();
  const revoke = useRevokeToken();
  return (
    <Modal opened onClose={onClose} title={t('tokens.revokeTitle', { name: token.name })}>
      <Stack>
        <ErrorAlert error={revoke.error} />
        <Text size="sm">{t('tokens.revokeConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(token, { onSuccess: onClose })}>
            {t('tokens.revokeButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
