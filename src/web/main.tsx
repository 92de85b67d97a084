import '@mantine/core/styles.css';
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-700.css';
import { createTheme, MantineProvider, type PaginationProps } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import i18n, { languageReady } from './i18n';
import { palette } from './palette';
import { router } from './router';

const theme = createTheme({
  ...palette,
  fontFamily: 'Sarabun, Laksaman, "Noto Sans Thai", sans-serif',
  headings: { fontFamily: 'Sarabun, Laksaman, "Noto Sans Thai", sans-serif' },
  // Sarabun's Thai marks need room above and below.
  lineHeights: { md: '1.6' },
  // By name, not Modal.extend(…): each component (and what it brings: scroll areas, popovers, date pickers) loads
  // with the pages that use it, not with the sign-in page.
  components: {
    // The default dimmed label falls below 4.5:1 on white.
    Divider: { styles: { label: { color: 'var(--mantine-color-gray-8)' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'ปิด / Close' } } },
    DateInput: { defaultProps: { clearButtonProps: { 'aria-label': 'ล้าง / Clear' } } },
    // Every pager's arrows and pages have names a screen reader can say.
    Pagination: {
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({
          'aria-label': i18n.t(`records.pager.${control}`),
        }),
        getItemProps: (page: number) => ({ 'aria-label': i18n.t('records.pager.page', { page }) }),
      } satisfies Partial<PaginationProps>,
    },
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on a second try; only a failed connection or a 5xx is tried once more.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.problem.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// English, when remembered, is fetched first so the first paint is already in the chosen language.
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
