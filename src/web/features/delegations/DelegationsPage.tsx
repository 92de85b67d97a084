import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type DelegationOrder, type OrderStatus, orderStatusOn } from '#shared/delegations';
import { isDistrict } from '#shared/fields';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { type Column, RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDelegationOrders } from './api';
import { OrderForm, RevokeForm } from './OrderForm';

const STATUS_COLORS: Record<OrderStatus, string> = { inForce: 'green.9', notYet: 'blue.9', ended: 'gray.7', revoked: 'red.9' };

/** The delegation orders of the unit: what each delegates, to whom, over which units, and whether it is in force. */
export function DelegationsPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { page, setPage } = usePage();
  const orders = useDelegationOrders(unit, page);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<DelegationOrder | null>(null);
  const manage = can(me, 'delegations.manage');
  /** A province revokes its own orders, a district its own acting orders, the nation any. */
  const mayRevoke = (o: DelegationOrder) =>
    manage && !o.revokedOn && (me?.orgUnit.code === 'TH' || me?.orgUnit.code === o.issuingUnitCode);
  const th = language === 'th';

  const columns: Column<DelegationOrder>[] = [
    {
      label: t('delegations.order'),
      render: (o) => (
        <span data-testid="delegation-order">
          {t('delegations.orderLine', {
            office: t(`delegations.offices.${isDistrict(o.issuingUnitCode) ? 'district' : 'province'}`, {
              name: th ? o.issuingUnitNameTh : o.issuingUnitNameEn,
            }),
            no: o.orderNo,
            date: formatDate(o.orderDate, language),
          })}
        </span>
      ),
    },
    {
      label: t('delegations.delegate'),
      key: true,
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm" c="gray.7">
            {o.delegator} →
          </Text>
          <Text size="sm">
            {o.delegateRole
              ? t('delegations.eachUnit', { role: t(`roles.${o.delegateRole}`) })
              : [o.delegateName, o.delegatePosition].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { label: t('delegations.scope'), key: true, render: (o) => (th ? o.scopeUnitNameTh : o.scopeUnitNameEn) },
    {
      label: t('delegations.powersLabel'),
      key: true,
      render: (o) => o.powers.map((p) => t(`delegations.powers.${p}`)).join(', '),
    },
    {
      label: t('delegations.status'),
      key: true,
      render: (o) => {
        const status = orderStatusOn(o, todayIso());
        return (
          <Stack gap={2} align="flex-start">
            <StatusBadge color={STATUS_COLORS[status]} data-testid="delegation-status">
              {t(`delegations.statuses.${status}`)}
            </StatusBadge>
            <Text size="xs" c="gray.7">
              {o.revokedOn
                ? t('delegations.revokedFrom', { date: formatDate(o.revokedOn, language), reason: o.revokedReason })
                : `${t('delegations.effectiveFrom')} ${formatDate(o.effectiveFrom, language)}${
                    o.effectiveUntil ? ` – ${formatDate(o.effectiveUntil, language)}` : ''
                  }`}
            </Text>
          </Stack>
        );
      },
    },
    {
      label: t('delegations.actions'),
      key: true,
      render: (o) =>
        mayRevoke(o) ? (
          <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRevoking(o)}>
            {t('delegations.revoke')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t('delegations.title')}
        addLabel={t('delegations.add')}
        onAdd={manage ? () => setAdding(true) : undefined}
      />
      <Text size="sm" c="gray.7">
        {t('delegations.intro')}
      </Text>
      <ErrorAlert error={orders.error} />
      <RecordList
        exportFrom={{ path: '/api/delegation-orders', params: { unit } }}
        data={orders.data}
        loading={orders.isLoading}
        columns={columns}
        page={page}
        onPage={setPage}
        minWidth={900}
        empty={
          <EmptyState
            title={t('delegations.empty')}
            hint={manage ? undefined : t('delegations.emptyHint')}
            actionLabel={t('delegations.add')}
            onAction={manage ? () => setAdding(true) : undefined}
          />
        }
      />
      {adding && me && <OrderForm me={me} unit={unit} onClose={() => setAdding(false)} />}
      {revoking && <RevokeForm order={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}
