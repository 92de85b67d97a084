import { Anchor, Button, Card, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePhone } from '../hooks/phone';
import type { Page } from '../hooks/records';
import { useLanguage } from '../i18n';
import { EmptyState } from './EmptyState';
import { ExportMenu, type ExportSource } from './ExportMenu';

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
  /** Shown on the phone card too (amounts, status, actions); the first column is always the card's title. */
  key?: boolean;
}

/**
 * The one list of records: a table on a wide screen, a card per row on a phone, skeleton rows while loading,
 * an empty state when there is nothing, the total and the pages. The first column opens the record.
 */
export function RecordList<T extends { id: number }>(props: {
  data?: Page<T>;
  columns: Column<T>[];
  page: number;
  onPage: (page: number) => void;
  onOpen?: (row: T) => void;
  minWidth?: number;
  /** True until the first page arrives. */
  loading?: boolean;
  /** Shown instead of the rows when there are none (default: "nothing found"). */
  empty?: ReactNode;
  /** The list's path and filters: adds the XLSX / CSV export menu above the rows. */
  exportFrom?: ExportSource;
}) {
  const { t } = useLanguage();
  const phone = usePhone();
  const { data, columns, onOpen } = props;
  // A caller that marks no key column gets every column on the card.
  const onCard = columns.slice(1).filter((c) => c.key || !columns.some((k) => k.key));

  if (props.loading && !data)
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label={t('common.loading')}>
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} h={phone ? 88 : 36} />
        ))}
      </Stack>
    );
  if (data && data.total === 0) return <>{props.empty ?? <EmptyState title={t('records.none')} />}</>;

  /** The first column's content, as a button so the record opens with Tab and Enter as well as a click. */
  const opener = (row: T) =>
    onOpen ? (
      <Anchor
        component="button"
        type="button"
        ta="left"
        fw={phone ? 700 : undefined}
        data-testid="record-open"
        onClick={(event) => {
          event.stopPropagation();
          onOpen(row);
        }}
      >
        {columns[0].render(row)}
      </Anchor>
    ) : (
      <Text fw={phone ? 700 : undefined} span>
        {columns[0].render(row)}
      </Text>
    );

  return (
    <>
      {props.exportFrom && (
        <Group justify="flex-end">
          <ExportMenu source={props.exportFrom} />
        </Group>
      )}
      {phone ? (
        <Stack gap="xs" data-testid="record-cards">
          {data?.items.map((row) => (
            <Card
              key={row.id}
              withBorder
              padding="sm"
              data-testid="record-card"
              onClick={onOpen ? () => onOpen(row) : undefined}
              style={onOpen ? { cursor: 'pointer' } : undefined}
            >
              {opener(row)}
              <Stack gap={4} mt={6}>
                {onCard.map((c) => (
                  <Group key={c.label} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                    <Text size="xs" c="gray.7" style={{ flexShrink: 0 }}>
                      {c.label}
                    </Text>
                    <Text size="sm" ta="right" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {c.render(row)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={props.minWidth ?? 640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.label}>{c.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.map((row) => (
                <Table.Tr
                  key={row.id}
                  onClick={onOpen ? () => onOpen(row) : undefined}
                  style={onOpen ? { cursor: 'pointer' } : undefined}
                >
                  {columns.map((c, i) => (
                    <Table.Td key={c.label}>{i === 0 ? opener(row) : c.render(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && <Pager data={data} page={props.page} onPage={props.onPage} />}
    </>
  );
}

/**
 * Page numbers while the total is known; past 10,000 rows the total is "more than 10,000" and the pages go one
 * at a time (the next one by the server's cursor, see hooks/records.ts).
 */
export function Pager(props: { data: Page<unknown>; page: number; onPage: (page: number) => void }) {
  const { t } = useLanguage();
  const phone = usePhone();
  const { data, page, onPage } = props;
  if (!data.totalCapped)
    return (
      <Group justify="space-between">
        <Text size="sm">{t('records.total', { count: data.total })}</Text>
        <Pagination
          total={Math.max(1, Math.ceil(data.total / data.pageSize))}
          value={page}
          onChange={onPage}
          size="sm"
          siblings={phone ? 0 : 1}
        />
      </Group>
    );
  return (
    <Group justify="space-between">
      <Text size="sm">{t('records.moreThan', { count: data.total.toLocaleString('th-TH') })}</Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('records.pager.previous')}
        </Button>
        <Text size="sm">{t('records.pager.page', { page })}</Text>
        <Button
          variant="default"
          size="xs"
          disabled={!data.nextCursor && data.items.length < data.pageSize}
          onClick={() => onPage(page + 1)}
        >
          {t('records.pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
