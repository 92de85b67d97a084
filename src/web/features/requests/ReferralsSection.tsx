import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import type { Referral, ServiceRequest } from '#shared/requests';
import type { Service } from '#shared/services';
import { RecordSection } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useReferralList } from './api';
import { ReferralForm } from './ReferralForm';
import { ReferralResultForm } from './ReferralResultForm';
import { ReferralStatusBadge, useTargetOf } from './RequestParts';

/** Whether the signed-in user records referrals of this district (its officers and committee members). */
export function useMayRefer(orgUnitCode: string | undefined) {
  const { data: me } = useMe();
  return !!me && !!orgUnitCode && me.orgUnit.code === orgUnitCode && SERVICE_RECORDERS.includes(me.role);
}

/** One referral in a section: where, when, why, its status and result, and the result form for recorders. */
function ReferralLine({ referral, mayRecord }: { referral: Referral; mayRecord: boolean }) {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const targetOf = useTargetOf();
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap={2} data-testid="referral">
      <Group gap="xs" wrap="wrap">
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {formatDate(referral.referredOn, language)} · {targetOf(referral)}
        </Text>
        <ReferralStatusBadge referral={referral} />
      </Group>
      <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
        {[referral.group?.name, referral.person?.name].filter(Boolean).join(', ')} · {referral.reason}
      </Text>
      {referral.request && (
        <Anchor
          size="sm"
          renderRoot={(p) => <Link {...p} to="/requests/$id" params={{ id: String(referral.request!.id) }} search={{ unit }} />}
        >
          {t('referrals.fields.request')} {referral.request.referenceCode}
        </Anchor>
      )}
      {referral.result && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('referrals.fields.result')}: {referral.result}
          {referral.resultOn && ` (${formatDate(referral.resultOn, language)})`}
        </Text>
      )}
      {mayRecord && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            {t('referrals.result')}
          </Button>
        </Group>
      )}
      {recording && <ReferralResultForm referral={referral} onClose={() => setRecording(false)} />}
    </Stack>
  );
}

/**
 * The referrals of a group, a person, a request or a service, on its page; `from` (a request or a service of the
 * user's district) adds the "Refer" button.
 */
export function ReferralsSection({
  filter,
  orgUnitCode,
  from,
}: {
  filter: { groupId?: number; personId?: number; requestId?: number; serviceId?: number };
  orgUnitCode?: string;
  from?: { request?: ServiceRequest; service?: Service };
}) {
  const { t } = useLanguage();
  const list = useReferralList({ ...filter, pageSize: 50 });
  const items = list.data?.items ?? [];
  const mayRecord = useMayRefer(orgUnitCode ?? items[0]?.orgUnitCode);
  const [referring, setReferring] = useState(false);
  return (
    <RecordSection title={t('referrals.section', { count: list.data?.total ?? 0 })} empty={false}>
      <Stack gap="sm" data-testid="referrals-section">
        {!!list.data && items.length === 0 && <Text c="gray.7">{t('records.noneYet')}</Text>}
        {items.map((r) => (
          <ReferralLine key={r.id} referral={r} mayRecord={mayRecord} />
        ))}
        {from && mayRecord && orgUnitCode && (
          <Group>
            <Button variant="light" onClick={() => setReferring(true)}>
              {t('referrals.add')}
            </Button>
          </Group>
        )}
      </Stack>
      {referring && orgUnitCode && (
        <ReferralForm request={from?.request} service={from?.service} unit={orgUnitCode} onClose={() => setReferring(false)} />
      )}
    </RecordSection>
  );
}

/** The referrals of a group, on its page. */
export const GroupReferrals = ({ groupId }: { groupId: number }) => <ReferralsSection filter={{ groupId }} />;
/** The referrals of a person, on their page. */
export const PersonReferrals = ({ personId }: { personId: number }) => <ReferralsSection filter={{ personId }} />;
