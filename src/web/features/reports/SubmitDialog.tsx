import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import type { QuarterlyReport } from '#shared/reports';
import { fiscalRange } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useCenterIndicators } from '../indicators/api';
import { useReportMove } from './api';
import { FiguresTable, useQuarterName } from './ReportParts';

/**
 * Sending a report asks first, showing the figures it will carry (the indicators count them from the records now,
 * as the server does on sending) and saying plainly when the quarter has not ended or the report counts no record.
 */
export function SubmitDialog({ report, onClose }: { report: QuarterlyReport; onClose: () => void }) {
  const { t, language } = useLanguage();
  const move = useReportMove();
  const quarterName = useQuarterName();
  const figures = useCenterIndicators(report.orgUnitCode, report.fiscalYear, report.quarter);
  const { end } = fiscalRange(report.fiscalYear, report.quarter as 1 | 2 | 3 | 4);
  const notEnded = todayIso() <= end;
  // Figures read since the dialog opened, not a page's cached ones: what the server will count on sending. A failed
  // read does not stop the sending; the server counts the records itself.
  const shown = figures.isFetchedAfterMount && !figures.isFetching ? figures.data : undefined;
  const empty = shown && Object.values(shown.results).every((n) => Number(n) === 0);
  return (
    <Modal opened onClose={onClose} title={t('reports.submitConfirm.title', { quarter: quarterName(report) })} size="lg">
      <Stack>
        <ErrorAlert error={move.error ?? figures.error} />
        {notEnded && (
          <Alert color="orange" role="status" data-testid="submit-not-ended">
            <Text c="dark">{t('reports.submitConfirm.notEnded', { end: formatDate(end, language) })}</Text>
          </Alert>
        )}
        {empty && (
          <Alert color="orange" role="status" data-testid="submit-empty">
            <Text c="dark">{t('reports.submitConfirm.empty')}</Text>
          </Alert>
        )}
        <Text>{t('reports.submitConfirm.figures')}</Text>
        {shown ? <FiguresTable figures={shown} /> : !figures.error && <Skeleton h={240} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={move.isPending}
            disabled={!shown && !figures.error}
            onClick={() =>
              move.mutate({ id: report.id, move: 'submit', body: { version: report.version } }, { onSuccess: onClose })
            }
          >
            {t('reports.actions.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
