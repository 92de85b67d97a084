import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportKind, PlaceSuggestion, ReportRow } from '#shared/imports';
import { fiscalYearOf } from '#shared/thai/index';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useBudgetItems } from '../budget/api';
import { useBatch, useBatches, useCommit, useInvalidateImports, useJob, useRollback, useUpload } from './api';

const ACTION_COLOR = { create: 'green', update: 'blue', skip: 'gray', reject: 'red' } as const;

/** Import from Excel: choose, upload, check the dry run, confirm, commit with progress, undo from the history. */
export function ImportsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const kinds = [
    { value: 'producers', label: t('imports.kinds.producers'), show: can(me, 'pipeline.write') },
    { value: 'allocations', label: t('imports.kinds.allocations'), show: can(me, 'budget.allocate') },
    { value: 'people', label: t('imports.kinds.people'), show: can(me, 'pipeline.write') },
    { value: 'wisdom', label: t('imports.kinds.wisdom'), show: can(me, 'pipeline.write') },
    { value: 'groups', label: t('imports.kinds.groups'), show: can(me, 'pipeline.write') },
    { value: 'products', label: t('imports.kinds.products'), show: can(me, 'pipeline.write') },
    { value: 'certifications', label: t('imports.kinds.certifications'), show: can(me, 'pipeline.write') },
    { value: 'services', label: t('imports.kinds.services'), show: can(me, 'pipeline.write') },
    { value: 'activities', label: t('imports.kinds.activities'), show: can(me, 'pipeline.write') },
    { value: 'sales', label: t('imports.kinds.sales'), show: can(me, 'pipeline.write') },
    { value: 'funding', label: t('imports.kinds.funding'), show: can(me, 'pipeline.write') },
  ].filter((k) => k.show);
  const [kind, setKind] = useState<ImportKind | null>((kinds[0]?.value as ImportKind) ?? null);
  const [batchId, setBatchId] = useState<number>();
  return (
    <Stack>
      <PageHeader title={t('imports.title')} />
      <Select
        label={t('imports.kind')}
        data={kinds}
        value={kind}
        onChange={(v) => setKind(v as ImportKind)}
        allowDeselect={false}
      />
      {kind && <UploadForm key={kind} kind={kind} onUploaded={setBatchId} />}
      {batchId !== undefined && <BatchReview key={batchId} id={batchId} />}
      <BatchHistory onOpen={setBatchId} />
    </Stack>
  );
}

function UploadForm({ kind, onUploaded }: { kind: ImportKind; onUploaded: (id: number) => void }) {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const [file, setFile] = useState<File | null>(null);
  const [fiscalYear, setFiscalYear] = useState(String(fiscalYearOf(new Date().toISOString().slice(0, 10)).fiscalYear));
  const [itemId, setItemId] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<string>('3');
  const [category, setCategory] = useState<string>('materials');
  const items = useBudgetItems(fiscalYear, unit);
  const upload = useUpload();
  const options = kind === 'allocations' ? { itemId: itemId ?? undefined, quarter, category } : {};
  return (
    <Stack gap="xs">
      <Anchor href={`/api/imports/${kind}/template`} download>
        {t('imports.template')}
      </Anchor>
      {kind === 'allocations' && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Select
            label={t('imports.fiscalYear')}
            data={['2563', '2567', '2568', '2569', '2570']}
            value={fiscalYear}
            onChange={(v) => setFiscalYear(v ?? fiscalYear)}
          />
          <Select
            label={t('imports.activity')}
            data={(items.data ?? []).filter((i) => i.level === 'activity').map((i) => ({ value: String(i.id), label: i.name }))}
            value={itemId}
            onChange={setItemId}
            searchable
          />
          <Select
            label={t('imports.quarter')}
            data={['1', '2', '3', '4']}
            value={quarter}
            onChange={(v) => setQuarter(v ?? '3')}
          />
          <Select
            label={t('imports.category')}
            data={(['compensation', 'services', 'materials'] as const).map((c) => ({
              value: c,
              label: t(`imports.categories.${c}`),
            }))}
            value={category}
            onChange={(v) => setCategory(v ?? 'materials')}
          />
        </SimpleGrid>
      )}
      <FileInput label={t('imports.file')} accept=".xlsx,.csv" value={file} onChange={setFile} clearable />
      <Group>
        <Button
          disabled={!file || (kind === 'allocations' && !itemId)}
          loading={upload.isPending}
          onClick={() => file && upload.mutate({ kind, file, options }, { onSuccess: (batch) => onUploaded(batch.id) })}
        >
          {t('imports.check')}
        </Button>
      </Group>
      <ErrorAlert error={upload.error} />
    </Stack>
  );
}

function BatchReview({ id }: { id: number }) {
  const { t, problemText, language } = useLanguage();
  const { data: batch } = useBatch(id);
  const [places, setPlaces] = useState<Record<string, string>>({});
  const [groups, setGroups] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, 'update' | 'skip'>>({});
  const commit = useCommit();
  const job = useJob(batch?.status === 'ready' || commit.data ? (commit.data?.jobId ?? batch?.jobId) : null);
  const jobStatus = job.data?.status;
  const invalidate = useInvalidateImports();
  // When the commit job ends, the batch and the history change: read them again once.
  useEffect(() => {
    if (jobStatus === 'done' || jobStatus === 'failed') invalidate();
  }, [jobStatus, invalidate]);
  if (!batch) return null;
  const open = batch.status === 'dry_run' || batch.status === 'failed';
  const running = jobStatus === 'queued' || jobStatus === 'running';
  const counts = batch.counts;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('imports.report')}: {batch.fileName}
      </Title>
      <Text aria-live="polite">
        {t('imports.counts', counts)} · {t(`imports.statuses.${batch.status}`)}
      </Text>
      {batch.report.error && <Alert color="red">{problemText(batch.report.error)}</Alert>}
      {open && (
        <NameChoices
          kind="place"
          suggestions={batch.report.suggestions.filter((s) => !s.column)}
          chosen={places}
          onChange={setPlaces}
        />
      )}
      {open && (
        <NameChoices
          kind="group"
          suggestions={batch.report.suggestions.filter((s) => s.column === 'groupName')}
          chosen={groups}
          onChange={setGroups}
        />
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.line')}</Table.Th>
              <Table.Th>{t('imports.record')}</Table.Th>
              <Table.Th>{t('imports.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.report.rows.map((row: ReportRow) => (
              <Table.Tr key={row.line} bg={row.action === 'reject' ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>
                  <Text size="sm">{row.label}</Text>
                  {row.problems.map((p) => (
                    <Text key={`${p.column ?? ''}${p.code}`} size="sm" c="red">
                      {language === 'th' ? p.th : p.en}
                    </Text>
                  ))}
                  {row.pending && (
                    <Text size="sm" c="orange">
                      {t('imports.pending')}
                    </Text>
                  )}
                  {row.duplicate && (
                    <Stack gap={2}>
                      <Text size="sm">{t('imports.duplicate', { label: row.duplicate.label })}</Text>
                      {open && (
                        <SegmentedControl
                          size="xs"
                          data={[
                            { value: 'skip', label: t('imports.skip') },
                            { value: 'update', label: t('imports.update') },
                          ]}
                          value={choices[row.line] ?? 'skip'}
                          onChange={(v) => setChoices((c) => ({ ...c, [row.line]: v as 'update' | 'skip' }))}
                        />
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={ACTION_COLOR[row.action]}>{t(`imports.actions.${row.action}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {running && job.data && (
        <Progress
          value={job.data.progressTotal ? (100 * job.data.progressDone) / job.data.progressTotal : 5}
          animated
          aria-label={t('imports.progress')}
        />
      )}
      {open && (
        <Group>
          <Button
            loading={commit.isPending || running}
            onClick={() => commit.mutate({ id, version: batch.version, places, groups, choices })}
          >
            {t('imports.commit')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={commit.error} />
      {counts.reject > 0 && (
        <Anchor href={`/api/imports/batches/${id}/rejected.xlsx`} download>
          {t('imports.rejected')}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * Names of the file to confirm (places, or the district's groups a row names): a choice for each; "accept all" takes
 * every suggestion's first choice, never one of several a name fits equally.
 */
function NameChoices({
  kind,
  suggestions,
  chosen,
  onChange,
}: {
  kind: 'place' | 'group';
  suggestions: PlaceSuggestion[];
  chosen: Record<string, string>;
  onChange: (chosen: Record<string, string>) => void;
}) {
  const { t } = useLanguage();
  if (!suggestions.length) return null;
  const keys =
    kind === 'place'
      ? { title: 'imports.suggestions', choose: 'imports.choosePlace', for: 'imports.placeFor', all: 'imports.acceptAll' }
      : {
          title: 'imports.groupSuggestions',
          choose: 'imports.chooseGroup',
          for: 'imports.groupFor',
          all: 'imports.acceptAllGroups',
        };
  const acceptable = suggestions.filter((s) => s.status === 'suggested' && s.suggestions[0]);
  return (
    <Stack gap={4}>
      <Text fw={600}>{t(keys.title)}</Text>
      {suggestions.map((s) => (
        <Select
          key={s.text}
          label={`"${s.text}" (${t('imports.lines', { lines: s.lines.join(', ') })})`}
          placeholder={t(keys.choose)}
          data={s.suggestions.map((o) => ({ value: o.code, label: kind === 'place' ? `${o.name} (${o.code})` : o.name }))}
          value={chosen[s.text] ?? null}
          onChange={(v) => onChange({ ...chosen, ...(v ? { [s.text]: v } : {}) })}
          aria-label={t(keys.for, { text: s.text })}
        />
      ))}
      {acceptable.length > 0 && (
        <Group>
          <Button
            variant="light"
            onClick={() => onChange({ ...chosen, ...Object.fromEntries(acceptable.map((s) => [s.text, s.suggestions[0].code])) })}
          >
            {t(keys.all)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function BatchHistory({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useLanguage();
  const { data } = useBatches();
  const rollback = useRollback();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('imports.history')}
      </Title>
      <ErrorAlert error={rollback.error} />
      {(data?.items ?? []).map((b) => (
        <Group key={b.id} justify="space-between" wrap="wrap" data-testid="import-history-row">
          <Anchor component="button" onClick={() => onOpen(b.id)}>
            #{b.id} {b.fileName}
          </Anchor>
          <Group gap="xs">
            <Badge variant="light">{t(`imports.statuses.${b.status}`)}</Badge>
            {b.status === 'committed' && (
              <Button size="xs" variant="light" color="red" loading={rollback.isPending} onClick={() => rollback.mutate(b)}>
                {t('imports.rollback')}
              </Button>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
