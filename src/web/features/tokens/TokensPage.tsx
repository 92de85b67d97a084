import { Anchor, Button, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type ApiToken, type CreatedApiToken, TOKEN_STATUSES, type TokenStatus } from '#shared/tokens';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { type Column, RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useTokens } from './api';
import { RevokeDialog, SecretDialog, TokenForm } from './TokenDialogs';

const STATUS_COLORS: Record<TokenStatus, string> = { active: 'green.9', expired: 'gray.7', revoked: 'red.9' };

/** API tokens of the unit: what each is for, its unit and access, who made it, when it ends and was last used. */
export function TokensPage() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const { page, setPage, filter } = usePage();
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const tokens = useTokens({ unit, status: status ?? undefined, page });
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const columns: Column<ApiToken>[] = [
    { label: t('tokens.name'), render: (k) => k.name },
    {
      label: t('tokens.unit'),
      key: true,
      render: (k) => `${language === 'th' ? k.orgUnitNameTh : k.orgUnitNameEn} (${k.orgUnitCode})`,
    },
    { label: t('tokens.access'), key: true, render: (k) => t(`tokens.accessLevels.${k.access}`) },
    {
      label: t('tokens.status'),
      key: true,
      render: (k) => (
        <Stack gap={2} align="flex-end">
          <StatusBadge color={STATUS_COLORS[k.status]} data-testid="token-status">
            {t(`tokens.statuses.${k.status}`)}
          </StatusBadge>
          {k.revokedAt && (
            <Text size="xs" c="gray.7">
              {t('tokens.revokedBy', { name: k.revokedByName ?? '', date: formatDateTime(k.revokedAt, language) })}
            </Text>
          )}
        </Stack>
      ),
    },
    { label: t('tokens.expiresOn'), key: true, render: (k) => formatDate(k.expiresOn, language) },
    {
      label: t('tokens.lastUsed'),
      key: true,
      render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, language) : t('tokens.neverUsed')),
    },
    {
      label: t('tokens.createdBy'),
      render: (k) => `${k.createdByName} · ${formatDateTime(k.createdAt, language)}`,
    },
    {
      label: t('tokens.actions'),
      key: true,
      render: (k) =>
        k.status === 'active' ? (
          <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRevoking(k)}>
            {t('tokens.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('tokens.title')} addLabel={t('tokens.add')} onAdd={() => setAdding(true)} />
      <Text size="sm" c="gray.7">
        {t('tokens.intro')}{' '}
        <Anchor href="/api/docs" target="_blank" underline="always">
          {t('tokens.docs')}
        </Anchor>
      </Text>
      <Select
        label={t('tokens.status')}
        clearable
        placeholder={t('common.all')}
        data={TOKEN_STATUSES.map((s) => ({ value: s, label: t(`tokens.statuses.${s}`) }))}
        value={status}
        onChange={filter((v: string | null) => setStatus(v as TokenStatus | null))}
        maw={280}
      />
      <ErrorAlert error={tokens.error} />
      <RecordList
        data={tokens.data}
        loading={tokens.isLoading}
        columns={columns}
        page={page}
        onPage={setPage}
        minWidth={1000}
        empty={
          <EmptyState
            title={t('tokens.empty')}
            hint={t('tokens.emptyHint')}
            actionLabel={t('tokens.add')}
            onAction={() => setAdding(true)}
          />
        }
      />
      {adding && unit && (
        <TokenForm
          defaultUnit={unit}
          onClose={() => setAdding(false)}
          onCreated={(token) => {
            setAdding(false);
            setCreated(token);
          }}
        />
      )}
      {created && <SecretDialog token={created} onClose={() => setCreated(null)} />}
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}
