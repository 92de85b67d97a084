import { DEFAULT_THEME, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

/**
 * Mantine's palette with shades 8 and 9 darkened where white text or a pale background fell below WCAG AA (4.5:1).
 * Shade 9 is the fill of buttons and badges (primaryShade 9); shade 8 is their fill under the mouse (Mantine's
 * filled hover for primaryShade 9), which a user sees right after clicking a link where a button then appears.
 */
const darker = (name: 'teal' | 'green' | 'orange', shade8: string, shade9: string) =>
  [...DEFAULT_THEME.colors[name].slice(0, 8), shade8, shade9] as unknown as MantineColorsTuple;

export const palette = {
  colors: {
    teal: darker('teal', '#087f5b', '#066649'),
    green: darker('green', '#237a36', '#1e6b30'),
    orange: darker('orange', '#c2410c', '#a63a0a'),
  },
  primaryColor: 'teal',
  // Shade 9 keeps white-on-teal and teal links above WCAG AA contrast.
  primaryShade: 9,
} satisfies MantineThemeOverride;
