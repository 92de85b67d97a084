import { Button, Menu } from '@mantine/core';
import { toQuery } from '../api';
import type { Params } from '../hooks/records';
import { useLanguage } from '../i18n';

/** A list the server exports: its path (`/api/products`) and the filters on screen (paging is left out). */
export interface ExportSource {
  path: string;
  params: Params;
}

const PAGING = new Set(['page', 'pageSize', 'cursor']);

/**
 * Downloads the whole list with the filters on screen as XLSX or CSV, headers in the language of the page. Plain
 * links: the browser streams the file to disk with the session cookie, whatever its size.
 */
export function ExportMenu({ source }: { source: ExportSource }) {
  const { t, language } = useLanguage();
  const filters = Object.fromEntries(Object.entries(source.params).filter(([k]) => !PAGING.has(k)));
  const href = (format: 'xlsx' | 'csv') => `${source.path}/export.${format}${toQuery({ ...filters, lang: language })}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t('listExport.label')} data-testid="export-menu">
          {t('listExport.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('xlsx')} download data-testid="export-xlsx">
          {t('listExport.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={href('csv')} download data-testid="export-csv">
          {t('listExport.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
