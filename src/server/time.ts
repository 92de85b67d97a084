/** Today's calendar date in Thailand (ISO), whatever the server's time zone. */
export function todayInBangkok(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
