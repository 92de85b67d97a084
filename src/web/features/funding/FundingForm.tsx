import { Button, Fieldset, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  createFundingBody,
  FUNDING_STATUSES,
  type FundingApplication,
  fundingChange,
  fundingDecisionBody,
} from '#shared/funding';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { LockedNote } from '../../components/LockedNote';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { useReferralList } from '../requests/api';
import { useTargetOf } from '../requests/RequestParts';
import { useDecideFunding, useDeleteFunding, useSaveFunding } from './api';

/** A group's application to a funding source: what for, how much, when. Its decision is recorded apart. */
export function FundingForm({
  application,
  unit,
  onClose,
}: {
  application?: FundingApplication;
  unit: string;
  onClose: () => void;
}) {
  const { t, nameOf } = useLanguage();
  const save = useSaveFunding();
  const remove = useDeleteFunding();
  const [confirming, setConfirming] = useState(false);
  // An application decided in a locked quarter is shown, not offered for change: the server would refuse it.
  const locked = !!application?.locked;
  const sources = useCodeList('funding_source');
  const groups = useGroupOptions(unit, (g) => g.name, application ? [application.group] : []);
  const targetOf = useTargetOf();
  const form = useSchemaForm({
    schema: application ? fundingChange : createFundingBody,
    initialValues: {
      groupId: String(application?.group.id ?? ''),
      sourceCode: application?.sourceCode ?? '',
      purpose: application?.purpose ?? '',
      asked: application ? bahtText(application.askedSatang) : '',
      appliedOn: application?.appliedOn ?? todayIso(),
      referralId: application?.referralId ? String(application.referralId) : (null as string | null),
      note: application?.note ?? '',
    },
    toBody: (v) => ({
      ...(application ? { version: application.version } : { orgUnitCode: unit }),
      groupId: v.groupId ? Number(v.groupId) : undefined,
      sourceCode: v.sourceCode,
      referralId: v.referralId ? Number(v.referralId) : undefined,
      purpose: v.purpose,
      askedSatang: satangOf(v.asked),
      appliedOn: v.appliedOn,
      note: v.note,
    }),
    fieldOf: { askedSatang: 'asked' },
    check: (v) => (bahtError(v.asked, t) ? { asked: bahtError(v.asked, t) } : {}),
  });
  const chosenGroup = form.getValues().groupId;
  // The referrals of the chosen group that the application may come from (a BAAC loan after a referral to BAAC).
  const referrals = useReferralList({ unit, groupId: chosenGroup, pageSize: 50 }, !!chosenGroup);
  const referralOptions = (referrals.data?.items ?? []).map((r) => ({ value: String(r.id), label: targetOf(r) }));
  const submit = form.onSubmit((v) =>
    save.mutate({ id: application?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={application ? t('funding.edit') : t('funding.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error ?? remove.error} fieldsShown />
          {locked && <LockedNote />}
          <Fieldset disabled={locked} variant="unstyled">
            <Stack>
              <Select
                label={t('funding.fields.group')}
                required
                searchable
                {...groups}
                {...form.getInputProps('groupId')}
                onChange={(groupId) => {
                  // A referral belongs to its group: another group's application starts unlinked.
                  form.setFieldValue('groupId', groupId);
                  form.setFieldValue('referralId', null);
                }}
              />
              <Select
                label={t('funding.fields.source')}
                required
                data={(sources.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }))}
                {...form.getInputProps('sourceCode')}
              />
              {referralOptions.length > 0 && (
                <Select
                  label={t('funding.fields.referral')}
                  clearable
                  data={referralOptions}
                  {...form.getInputProps('referralId')}
                />
              )}
              <Textarea label={t('funding.fields.purpose')} required autosize minRows={2} {...form.getInputProps('purpose')} />
              <Group grow align="flex-start" wrap="wrap">
                <TextInput label={t('funding.fields.asked')} required inputMode="decimal" {...form.getInputProps('asked')} />
                <ThaiDateInput label={t('funding.fields.appliedOn')} required {...form.getInputProps('appliedOn')} />
              </Group>
              <TextInput label={t('funding.fields.note')} {...form.getInputProps('note')} />
            </Stack>
          </Fieldset>
          {application && !locked && !confirming && (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} w="fit-content">
              {t('funding.delete')}
            </Button>
          )}
          {application && confirming && (
            <Group justify="space-between">
              <Text size="sm">{t('funding.deleteConfirm')}</Text>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(application, { onSuccess: onClose })}>
                {t('funding.delete')}
              </Button>
            </Group>
          )}
          <FormActions onCancel={onClose} saving={save.isPending} readOnly={locked} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The decision on an application, recorded by the officer who enters it (the change log names them). */
export function DecisionForm({ application, onClose }: { application: FundingApplication; onClose: () => void }) {
  const { t } = useLanguage();
  const decide = useDecideFunding();
  const form = useSchemaForm({
    schema: fundingDecisionBody,
    initialValues: {
      status: application.status === 'applied' ? 'approved' : application.status,
      approved: application.approvedSatang ? bahtText(application.approvedSatang) : bahtText(application.askedSatang),
      approvedReason: application.approvedReason ?? '',
      decidedOn: application.decidedOn ?? todayIso(),
      receivedOn: application.receivedOn as string | null,
    },
    toBody: (v) => {
      const approved = v.status === 'approved';
      const decided = approved || v.status === 'rejected';
      return {
        version: application.version,
        status: v.status,
        approvedSatang: approved ? satangOf(v.approved) : undefined,
        approvedReason: approved && v.approvedReason.trim() ? v.approvedReason : undefined,
        decidedOn: decided ? (v.decidedOn ?? undefined) : undefined,
        receivedOn: approved ? (v.receivedOn ?? undefined) : undefined,
      };
    },
    fieldOf: { approvedSatang: 'approved' },
    check: (v) => (v.status === 'approved' && bahtError(v.approved, t) ? { approved: bahtError(v.approved, t) } : {}),
  });
  const values = form.getValues();
  const submit = form.onSubmit((v) =>
    decide.mutate({ id: application.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('funding.decide')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={decide.error} fieldsShown />
          <Select
            label={t('funding.fields.decision')}
            allowDeselect={false}
            data={FUNDING_STATUSES.map((s) => ({ value: s, label: t(`funding.decisions.${s}`) }))}
            {...form.getInputProps('status')}
          />
          {values.status === 'approved' && (
            <>
              <TextInput label={t('funding.fields.approved')} required inputMode="decimal" {...form.getInputProps('approved')} />
              <Textarea label={t('funding.fields.approvedReason')} autosize {...form.getInputProps('approvedReason')} />
            </>
          )}
          {(values.status === 'approved' || values.status === 'rejected') && (
            <Group grow align="flex-start" wrap="wrap">
              <ThaiDateInput label={t('funding.fields.decidedOn')} required {...form.getInputProps('decidedOn')} />
              {values.status === 'approved' && (
                <ThaiDateInput label={t('funding.fields.receivedOn')} clearable {...form.getInputProps('receivedOn')} />
              )}
            </Group>
          )}
          <FormActions onCancel={onClose} saving={decide.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
