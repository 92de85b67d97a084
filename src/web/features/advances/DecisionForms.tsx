import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Advance } from '#shared/advances';
import { approveBody, type DelegationOrder, rejectBody } from '#shared/delegations';
import { formatBaht } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { type Language, useLanguage } from '../../i18n';
import { useAdvanceAuthorities, useApproveAdvance, useRejectAdvance } from './api';

/** An order as people cite it: "คำสั่งจังหวัดอุบลราชธานี ที่ 7/2563 ลงวันที่ 2 ม.ค. 2563". */
function orderLabel(order: DelegationOrder, language: Language, t: TFunction) {
  return t('advances.orderLabel', {
    issuer: language === 'th' ? order.issuingUnitNameTh : order.issuingUnitNameEn,
    orderNo: order.orderNo,
    date: formatDate(order.orderDate, language),
  });
}

function Summary({ advance }: { advance: Advance }) {
  const { t } = useLanguage();
  return (
    <Text>
      {advance.borrowerName} · {advance.itemName} · {formatBaht(BigInt(advance.amountSatang))} {t('advances.baht')}
    </Text>
  );
}

/** Approving cites the delegation order relied on: only orders giving the user the power over the unit that day. */
export function ApproveForm({ advance, onClose }: { advance: Advance; onClose: () => void }) {
  const { t, language } = useLanguage();
  const approve = useApproveAdvance(advance.id);
  const form = useSchemaForm({
    schema: approveBody,
    initialValues: { delegationOrderId: '', approvedOn: todayIso(), note: '' },
    toBody: (v) => ({
      delegationOrderId: Number(v.delegationOrderId) || undefined,
      approvedOn: v.approvedOn,
      note: v.note,
      version: advance.version,
    }),
  });
  const orders = useAdvanceAuthorities(advance.orgUnitCode, form.values.approvedOn || todayIso());
  const submit = form.onSubmit((values) =>
    approve.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('advances.approve')} · ${t('advances.contractNo')} ${advance.contractNo}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={approve.error ?? orders.error} fieldsShown />
          <Summary advance={advance} />
          {orders.data?.length === 0 && (
            <Alert color="yellow" data-testid="no-authority">
              {t('advances.noOrders')}
            </Alert>
          )}
          <Select
            label={t('advances.order')}
            required
            data={(orders.data ?? []).map((o) => ({ value: String(o.id), label: orderLabel(o, language, t) }))}
            {...form.getInputProps('delegationOrderId')}
          />
          <ThaiDateInput label={t('advances.approvedOn')} required {...form.getInputProps('approvedOn')} />
          <Textarea label={t('advances.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={approve.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Refusing states why; it frees the borrower and the activity's balance. */
export function RejectForm({ advance, onClose }: { advance: Advance; onClose: () => void }) {
  const { t } = useLanguage();
  const reject = useRejectAdvance(advance.id);
  const form = useSchemaForm({
    schema: rejectBody,
    initialValues: { reason: '' },
    toBody: (v) => ({ reason: v.reason, version: advance.version }),
  });
  const submit = form.onSubmit((values) =>
    reject.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('advances.reject')} · ${t('advances.contractNo')} ${advance.contractNo}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={reject.error} fieldsShown />
          <Summary advance={advance} />
          <Textarea label={t('advances.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} saving={reject.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
