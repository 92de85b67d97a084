/**
 * Watches a PostgreSQL server with a short ping, so that while it is down or frozen requests get a quick
 * 503 instead of each waiting for its own connection or statement timeout.
 */

export interface DatabaseWatch {
  /** False from the first failed ping until the next successful one. */
  readonly up: boolean;
  stop(): void;
}

export function watchDatabase(ping: () => Promise<void>, { intervalMs = 2_000, timeoutMs = 1_500 } = {}): DatabaseWatch {
  let up = true;
  let pinging = false;
  const check = async () => {
    if (pinging) return;
    pinging = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database is unavailable: ping timed out')), timeoutMs);
        }),
      ]);
      up = true;
    } catch {
      up = false;
    } finally {
      clearTimeout(timer);
      pinging = false;
    }
  };
  const interval = setInterval(check, intervalMs);
  interval.unref();
  return {
    get up() {
      return up;
    },
    stop: () => clearInterval(interval),
  };
}
