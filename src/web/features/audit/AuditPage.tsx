import { Code, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { th } from '../../i18n/th';
import { useAuditLog } from './api';

const ENTITIES = th.audit.entities;

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditPage() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const [entity, setEntity] = useState<string | null>(null);
  const [actor, setActor] = useState('');
  const [debouncedActor] = useDebouncedValue(actor, 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const query = { unit, entity, actor: debouncedActor, from, to, page, pageSize: 25 };
  const audit = useAuditLog(query);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t('audit.entity')}
          clearable
          placeholder={t('common.all')}
          data={Object.keys(ENTITIES).map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setPage(1);
          }}
          miw={160}
        />
        <TextInput
          label={t('audit.actor')}
          value={actor}
          onChange={(e) => {
            setActor(e.currentTarget.value);
            setPage(1);
          }}
          miw={160}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            setPage(1);
          }}
          miw={160}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setPage(1);
          }}
          miw={160}
        />
      </Group>
      <ErrorAlert error={audit.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, language)}</Table.Td>
                <Table.Td>{e.actorUsername}</Table.Td>
                <Table.Td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Table.Td>
                <Table.Td>
                  {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })} #{e.entityId} · {e.orgUnitCode}
                </Table.Td>
                <Table.Td>
                  {Object.entries(e.changes).map(([field, c]) => (
                    <div key={field}>
                      <Code>{field}</Code> {show(c.before)} → {show(c.after)}
                    </div>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {audit.data && audit.data.total === 0 && <Text>{t('audit.none')}</Text>}
      {audit.data && (
        <Group justify="space-between">
          <Text size="sm">{t('audit.total', { count: audit.data.total })}</Text>
          <Pagination total={Math.ceil(audit.data.total / audit.data.pageSize)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
