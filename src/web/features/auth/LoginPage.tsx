import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { loginBody } from '#shared/users';
import { ApiError } from '../../api';
import { LanguageToggle } from '../../components/LanguageToggle';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useLogin } from './session';

export function LoginPage() {
  const { t, problemText } = useLanguage();
  const login = useLogin();
  const navigate = useNavigate();
  const form = useSchemaForm({ schema: loginBody, initialValues: { username: '', password: '' }, toBody: (v) => v });
  const submit = form.onSubmit((values) => login.mutate(values, { onSuccess: () => navigate({ to: '/' }) }));

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('app.name')}
              </Title>
              <Text size="sm">{t('app.tagline')}</Text>
            </div>
            <Title order={2} size="h4">
              {t('auth.title')}
            </Title>
            {login.error && (
              <Alert color="red" role="alert" title={t('common.error')}>
                {login.error instanceof ApiError ? problemText(login.error.problem) : String(login.error)}
              </Alert>
            )}
            <TextInput label={t('auth.username')} autoComplete="username" required {...form.getInputProps('username')} />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.submit')}
            </Button>
            <Text size="xs">{t('auth.demoHint')}</Text>
            <LanguageToggle />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
