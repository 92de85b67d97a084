import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint: lists become cards and tables keep only their key columns. */
export const usePhone = () => useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
