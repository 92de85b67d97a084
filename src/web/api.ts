import type { Problem } from '#shared/errors';

/** A failed API call, carrying the server's problem details (Thai and English text, field errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
}

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(
      data?.code
        ? data
        : {
            type: 'about:blank',
            title: res.statusText,
            status: res.status,
            code: 'server.internal',
            detail: '',
            th: 'เกิดข้อผิดพลาดภายในระบบ',
            en: 'Internal server error',
          },
    );
  }
  return data as T;
}

/**
 * A form's body sent as a PATCH (a partial update): a field the form left empty (`undefined`, which JSON would drop
 * and the server would keep as it was) is sent as `null`, which clears it.
 */
export function asPatch(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, value === undefined ? null : value]));
}

/** Query string from an object, leaving out empty values. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}
