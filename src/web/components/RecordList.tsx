import { Anchor, Group, Pagination, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Page } from '../hooks/records';
import { useLanguage } from '../i18n';

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
}

/** The one table for record lists: columns, click-through, total and pages. */
export function RecordList<T extends { id: number }>(props: {
  data?: Page<T>;
  columns: Column<T>[];
  page: number;
  onPage: (page: number) => void;
  onOpen?: (row: T) => void;
  minWidth?: number;
}) {
  const { t } = useLanguage();
  const { data } = props;
  return (
    <>
      <Table.ScrollContainer minWidth={props.minWidth ?? 640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => (
                <Table.Th key={c.label}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={props.onOpen ? () => props.onOpen!(row) : undefined}
                style={props.onOpen ? { cursor: 'pointer' } : undefined}
              >
                {props.columns.map((c, i) => (
                  <Table.Td key={c.label}>
                    {i === 0 && props.onOpen ? (
                      // The row is clickable with a mouse; this button makes it reachable with Tab and opens with Enter/Space.
                      <Anchor
                        component="button"
                        type="button"
                        ta="left"
                        data-testid="record-open"
                        onClick={(event) => {
                          event.stopPropagation();
                          props.onOpen!(row);
                        }}
                      >
                        {c.render(row)}
                      </Anchor>
                    ) : (
                      c.render(row)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.total === 0 && <Text>{t('records.none')}</Text>}
      {data && (
        <Group justify="space-between">
          <Text size="sm">{t('records.total', { count: data.total })}</Text>
          <Pagination
            total={Math.max(1, Math.ceil(data.total / data.pageSize))}
            value={props.page}
            onChange={props.onPage}
            size="sm"
          />
        </Group>
      )}
    </>
  );
}
