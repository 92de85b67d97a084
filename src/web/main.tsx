import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-700.css';
import './i18n';
import { createTheme, MantineProvider, Modal } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { router } from './router';

const theme = createTheme({
  fontFamily: 'Sarabun, Laksaman, "Noto Sans Thai", sans-serif',
  headings: { fontFamily: 'Sarabun, Laksaman, "Noto Sans Thai", sans-serif' },
  primaryColor: 'teal',
  // Shade 9 keeps white-on-teal and teal links above WCAG AA contrast.
  primaryShade: 9,
  // Sarabun's Thai marks need room above and below.
  lineHeights: { md: '1.6' },
  components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'ปิด / Close' } } }) },
});

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
