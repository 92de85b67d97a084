import { Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export interface UrlTab {
  value: string;
  label: string;
  /** Rendered only while its tab is open, so a hidden tab fetches nothing. */
  panel: () => ReactNode;
}

/**
 * Tabs whose choice lives in the address (`?tab=`), so a link, a task or a reload opens the same tab. The first tab
 * is the default and leaves no `tab` in the address; switching keeps only the unit.
 */
export function UrlTabs({ to, tabs }: { to: string; tabs: UrlTab[] }) {
  const search = useSearch({ strict: false }) as { tab?: string };
  const navigate = useNavigate();
  const current = tabs.find((tab) => tab.value === search.tab) ?? tabs[0];
  return (
    <Tabs
      value={current.value}
      onChange={(value) => {
        const tab = value === tabs[0].value ? undefined : (value ?? undefined);
        // The router types each route's search params; this component serves several routes, each with a `tab`.
        navigate({ to, search: ((s: { unit?: string }) => ({ unit: s.unit, tab })) as never });
      }}
    >
      <Tabs.List mb="md">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab === current && tab.panel()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
