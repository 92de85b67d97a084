import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { REFERRAL_MOVES, type Referral, referralChange } from '#shared/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useSaveReferral } from './api';

/** What came of a referral: its status (only the moves allowed from where it is), the result and its date. */
export function ReferralResultForm({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveReferral();
  const form = useSchemaForm({
    schema: referralChange,
    initialValues: { status: referral.status as string, result: referral.result, resultOn: referral.resultOn },
    toBody: (v) => ({ version: referral.version, status: v.status, result: v.result, resultOn: v.resultOn ?? undefined }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: referral.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('referrals.result')}>
      <form onSubmit={submit} noValidate data-testid="referral-result-form">
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select
            label={t('referrals.fields.status')}
            required
            allowDeselect={false}
            data={[referral.status, ...REFERRAL_MOVES[referral.status]].map((s) => ({
              value: s,
              label: t(`referrals.statuses.${s}`),
            }))}
            {...form.getInputProps('status')}
          />
          <Textarea label={t('referrals.fields.result')} autosize minRows={2} {...form.getInputProps('result')} />
          <ThaiDateInput label={t('referrals.fields.resultOn')} clearable {...form.getInputProps('resultOn')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
