import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (a phone): tables of money become stacked cards there instead of a sideways strip. */
export const useNarrow = () => useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
