import { Badge, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { AuditEntry } from '#shared/audit';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '#shared/audit-labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { Pager } from '../../components/RecordList';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { formatDateTime } from '../../format';
import { useCodeList, usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useAdvanceRules } from '../advances/api';
import { useAuditLog } from './api';
import { describeChanges, describeSubject, type Lookups } from './describe';

/** The change log of the user's scope, read as sentences: who did what to which record, and what changed. */
export function AuditPage() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const [entity, setEntity] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [actor, setActor] = useState('');
  const [debouncedActor] = useDebouncedValue(actor, 300);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const query = { unit, entity, action, actor: debouncedActor, from, to, page, pageSize: 25 };
  const audit = useAuditLog(query);
  const lookups = useLookups();
  const options = (labels: typeof AUDIT_ENTITIES) =>
    Object.entries(labels)
      .map(([value, label]) => ({ value, label: label[language] }))
      .sort((a, b) => a.label.localeCompare(b.label, language));

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        <Select
          label={t('audit.entity')}
          clearable
          placeholder={t('common.all')}
          data={options(AUDIT_ENTITIES)}
          value={entity}
          onChange={filter(setEntity)}
        />
        <Select
          label={t('audit.action')}
          clearable
          placeholder={t('common.all')}
          data={options(AUDIT_ACTIONS)}
          value={action}
          onChange={filter(setAction)}
        />
        <TextInput label={t('audit.actorUsername')} value={actor} onChange={(e) => filter(setActor)(e.currentTarget.value)} />
        <ThaiDateInput label={t('audit.from')} clearable value={from} onChange={filter(setFrom)} />
        <ThaiDateInput label={t('audit.to')} clearable value={to} onChange={filter(setTo)} />
      </SimpleGrid>
      <ErrorAlert error={audit.error} />
      {!!audit.data?.total && (
        <Group justify="flex-end">
          <ExportMenu source={{ path: '/api/audit', params: query }} />
        </Group>
      )}
      {(audit.isPending || !lookups.ready) && (
        <Stack aria-busy="true" aria-label={t('common.loading')}>
          {[1, 2, 3].map((i) => (
            <Skeleton key={i} height={72} radius="sm" />
          ))}
        </Stack>
      )}
      <Stack gap="xs" data-testid="audit-entries">
        {lookups.ready && audit.data?.items.map((entry) => <AuditCard key={entry.id} entry={entry} lookups={lookups} />)}
      </Stack>
      {audit.data && audit.data.total === 0 && <Text>{t('audit.none')}</Text>}
      {audit.data && audit.data.total > 0 && <Pager data={audit.data} page={page} onPage={setPage} />}
    </Stack>
  );
}

function AuditCard({ entry, lookups }: { entry: AuditEntry; lookups: Lookups }) {
  const { t, language } = lookups;
  const actionName = AUDIT_ACTIONS[entry.action]?.[language] ?? entry.action;
  // A sign-in is about the person signing in, not about a record: no "Session #3".
  const aboutRecord = entry.entity !== 'session';
  const lines = describeChanges(entry, lookups);
  const subject = describeSubject(entry, language);
  const unitName = entry.units[entry.orgUnitCode]?.[language] ?? entry.orgUnitCode;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="audit-entry">
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" style={{ overflow: 'visible', maxWidth: 'none' }}>
            {actionName}
          </Badge>
          {aboutRecord && (
            <Text fw={600}>
              {AUDIT_ENTITIES[entry.entity]?.[language] ?? entry.entity}
              {subject ? ` · ${subject}` : ''}
            </Text>
          )}
        </Group>
        <Text size="sm">{formatDateTime(entry.at, language)}</Text>
      </Group>
      <Text size="sm">
        {t('audit.by', {
          // A failed sign-in has no user: the server records it as 'anonymous'.
          actor: entry.actorUsername === 'anonymous' ? t('audit.notSignedIn') : entry.actorUsername,
          unit: unitName,
        })}
        {entry.clientAddress ? ` · ${t('audit.from_address', { address: entry.clientAddress })}` : ''}
      </Text>
      {lines.length > 0 && (
        <Stack component="ul" gap={2} mt={6} pl="md" style={{ margin: 0 }}>
          {lines.map((line) => (
            <Text component="li" size="sm" key={line.field} style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600}>
                {line.label}:
              </Text>{' '}
              {line.before !== undefined ? `${line.before} → ${line.after}` : line.after}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** Names of code-list values (wisdom branches, standards) and advance rules, for values the dictionaries don't hold. */
function useLookups(): Lookups & { ready: boolean } {
  const { t, language } = useLanguage();
  const branches = useCodeList('wisdom_branch');
  const standards = useCodeList('standard');
  const serviceTypes = useCodeList('service_type');
  const channels = useCodeList('sales_channel');
  const sources = useCodeList('funding_source');
  const rules = useAdvanceRules();
  const lists: Record<string, { code: string; nameTh: string; nameEn: string }[] | undefined> = {
    branchCode: branches.data,
    standardCode: standards.data,
    ruleCode: rules.data,
    typeCodes: serviceTypes.data,
    channelCode: channels.data,
    sourceCode: sources.data,
    subjectCode: serviceTypes.data,
  };
  return {
    t,
    language,
    // Entries wait for the names, so nobody sees a code flash by; a list that failed to load leaves its codes.
    ready: [branches, standards, serviceTypes, channels, sources, rules].every((q) => !q.isPending),
    codeName: (field, code) => {
      const item = lists[field]?.find((x) => x.code === code);
      return item ? (language === 'th' ? item.nameTh : item.nameEn) : undefined;
    },
  };
}
