/**
 * The one clock the server reads. Services call `now()` / `thaiToday()`; tests fix the time with `setClock`
 * so a rule tested "in FY2569" still holds when the real calendar moves on.
 */
let current: () => Date = () => new Date();

export const now = (): Date => current();

/** Today's calendar date in Thailand (ISO), whatever the server's time zone. */
export function thaiToday(): string {
  return new Date(now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Fixes the clock (a Date or an ISO date taken as noon in Bangkok); `setClock(null)` returns to real time. */
export function setClock(at: Date | string | null): void {
  if (at === null) {
    current = () => new Date();
    return;
  }
  const fixed = typeof at === 'string' && at.length === 10 ? new Date(`${at}T12:00:00+07:00`) : new Date(at);
  current = () => new Date(fixed);
}
