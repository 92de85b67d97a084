import { Alert, Anchor, Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { LetterInfo } from '#shared/outgoing-documents';
import { formatThaiDate } from '#shared/thai/index';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { useLanguage } from '../../i18n';
import { useDownloadLetter, useLetterInfo } from '../settings/api';

/**
 * The allocation letter: its date (today, or inside a past fiscal year), the deadline it gives and the digits.
 * The first download issues the number from the office's outgoing-document register; later ones reuse it.
 */
export function LetterDialog({ itemId, unit, onClose }: { itemId: number; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const info = useLetterInfo(itemId, unit);
  return (
    <Modal opened onClose={onClose} title={t('budget.letterDialog.title')}>
      {info.error ? <ErrorAlert error={info.error} /> : null}
      {info.data ? <LetterForm itemId={itemId} unit={unit} info={info.data} /> : !info.error && <Loader size="sm" />}
    </Modal>
  );
}

function LetterForm({ itemId, unit, info }: { itemId: number; unit: string; info: LetterInfo }) {
  const { t, language } = useLanguage();
  const download = useDownloadLetter();
  const [date, setDate] = useState<string | null>(info.date);
  const [deadline, setDeadline] = useState<string | null>(info.deadline);
  const [thaiDigits, setThaiDigits] = useState(true);
  const issued = info.document;
  const shownDate = (iso: string) => (language === 'th' ? formatThaiDate(iso) : iso);
  return (
    <Stack>
      {issued ? (
        <Alert color="blue" data-testid="letter-issued">
          {t('budget.letterDialog.issuedAs', { number: issued.number, date: shownDate(issued.documentDate) })}
        </Alert>
      ) : (
        <Text size="sm">{t('budget.letterDialog.notIssued')}</Text>
      )}
      {!info.prefix && (
        <Alert color="yellow">
          {t('budget.letterDialog.noPrefix')}{' '}
          <Anchor component={Link} to="/settings">
            {t('budget.letterDialog.openSettings')}
          </Anchor>
        </Alert>
      )}
      {!issued && <ThaiDateInput label={t('budget.letterDialog.date')} value={date} onChange={setDate} required />}
      <ThaiDateInput label={t('budget.letterDialog.deadline')} value={deadline} onChange={setDeadline} clearable />
      <Checkbox
        label={t('budget.letterDialog.thaiDigits')}
        checked={thaiDigits}
        onChange={(e) => setThaiDigits(e.currentTarget.checked)}
      />
      <ErrorAlert error={download.error} />
      <Group justify="flex-end">
        <Button
          loading={download.isPending}
          disabled={!info.prefix || (!issued && !date)}
          onClick={() => download.mutate({ itemId, unit, date, deadline, digits: thaiDigits ? 'thai' : 'arabic' })}
        >
          {issued ? t('budget.letterDialog.downloadAgain') : t('budget.letterDialog.download')}
        </Button>
      </Group>
    </Stack>
  );
}
