import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { palette } from './palette';

/** WCAG contrast ratio of two '#rrggbb' colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('the palette', () => {
  // Mantine's own CSS variables for this theme, so the test follows its rule for which shade a hovered button takes.
  const { variables, light } = defaultCssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, palette));
  const css: Record<string, string> = { ...variables, ...light };
  const resolve = (value: string): string => {
    const named = /^var\((--[\w-]+)\)$/.exec(value);
    return named ? resolve(css[named[1]]) : value;
  };

  for (const name of Object.keys(palette.colors))
    it(`keeps white text on a filled ${name} button at WCAG AA, under the mouse too`, () => {
      for (const state of ['filled', 'filled-hover']) {
        const fill = resolve(css[`--mantine-color-${name}-${state}`]);
        expect(contrast('#ffffff', fill), `${state} ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    });
});
