/**
 * Legend and tooltip text in the body colour instead of its series' colour: blue or orange text on white falls short
 * of WCAG's 4.5:1 contrast. The swatch beside each name still carries the colour.
 */
export const CHART_TEXT = { color: 'var(--mantine-color-text)' } as const;
