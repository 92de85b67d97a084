/**
 * Background jobs (DESIGN.md "Background jobs"). A job is a row; any app process claims the oldest queued one
 * with `FOR UPDATE SKIP LOCKED` (two processes never take the same job), runs one at a time, and beats a heartbeat
 * while it runs. A job left `running` by a process that died has a stale heartbeat and is queued again, so a
 * restart loses nothing; handlers therefore do their work in one transaction (all or nothing) and may run twice.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ERRORS, type ErrorCode } from '#shared/errors';
import type { jobSchema } from '#shared/jobs';
import { type Actor, scopeFilter } from '../access';
import { now } from '../clock';
import type { Db, Tx } from '../db/client';
import { jobs } from '../db/schema';
import { AppError } from '../errors';

export type JobRow = typeof jobs.$inferSelect;

/** What a handler may tell the runner while it works. */
export interface JobProgress {
  /** Records progress; not awaited by callers inside a transaction (PGlite has one connection), so it never blocks. */
  report(done: number, total: number): void;
}

export type JobHandler = (db: Db, job: JobRow, progress: JobProgress) => Promise<Record<string, unknown>>;

/**
 * The handlers of one app, by job kind (`app.jobHandlers`, filled by the features' routes): per app, not per process,
 * because a handler may use its app's settings (the data key) and tests run several apps in one process.
 */
export type JobHandlers = Map<string, JobHandler>;

/** A heartbeat older than this means the process running the job is gone. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 10_000;

export async function enqueueJob(
  db: Db | Tx,
  job: { kind: string; orgUnitCode: string; createdBy: number | null; input: Record<string, unknown> },
): Promise<JobRow> {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, createdAt: now() })
    .returning();
  return row;
}

/** Queues again every running job whose process stopped beating; returns how many. */
export async function requeueStaleJobs(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - STALE_AFTER_MS);
  const requeued = await db
    .update(jobs)
    .set({ status: 'queued', heartbeatAt: null })
    .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, cutoff)))
    .returning({ id: jobs.id });
  return requeued.length;
}

/** Takes the oldest queued job for this process, or none. */
export async function claimJob(db: Db): Promise<JobRow | undefined> {
  const at = now();
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.status, 'queued'))
      .orderBy(jobs.id)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return undefined;
    const [claimed] = await tx
      .update(jobs)
      .set({ status: 'running', startedAt: at, heartbeatAt: at, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, next.id))
      .returning();
    return claimed;
  });
}

const problemOf = (error: unknown) => {
  const code: ErrorCode = error instanceof AppError ? error.code : 'job.failed';
  const params = error instanceof AppError ? error.params : {};
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
  return { code, th: fill(ERRORS[code].th), en: fill(ERRORS[code].en) };
};

/** Runs one claimed job to its end: done with its result, or failed with a Thai and English reason. */
export async function runJob(db: Db, handlers: JobHandlers, job: JobRow): Promise<JobRow> {
  const handler = handlers.get(job.kind);
  let latest: { done: number; total: number } | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = () => {
    const at = now();
    const set = latest ? { progressDone: latest.done, progressTotal: latest.total, heartbeatAt: at } : { heartbeatAt: at };
    writing = writing.then(() => db.update(jobs).set(set).where(eq(jobs.id, job.id))).catch(() => {});
  };
  const beat = setInterval(flush, HEARTBEAT_MS);
  beat.unref();
  let outcome: Partial<JobRow>;
  try {
    if (!handler) throw new AppError('job.failed');
    const result = await handler(db, job, {
      report(done, total) {
        latest = { done, total };
        if (done === total || done % 500 === 0) flush();
      },
    });
    outcome = { status: 'done', result, progressDone: latest?.total ?? 0, progressTotal: latest?.total ?? 0 };
  } catch (error) {
    // An expected refusal is the job's answer; anything else is a defect the operator must be able to see.
    if (!(error instanceof AppError)) console.error(`job ${job.id} (${job.kind}) failed:`, error);
    outcome = { status: 'failed', error: problemOf(error) };
  } finally {
    clearInterval(beat);
  }
  await writing;
  const [finished] = await db
    .update(jobs)
    .set({ ...outcome, finishedAt: now(), heartbeatAt: now() })
    .where(eq(jobs.id, job.id))
    .returning();
  return finished;
}

/** Requeues stale jobs, then runs queued ones until none is left; returns how many ran (tests call this directly). */
export async function runQueuedJobs(db: Db, handlers: JobHandlers): Promise<number> {
  await requeueStaleJobs(db);
  let ran = 0;
  for (let job = await claimJob(db); job; job = await claimJob(db)) {
    await runJob(db, handlers, job);
    ran++;
  }
  return ran;
}

/** The app's runner: polls for work, one job at a time per process. Returns a stop function that waits for the job. */
export function startJobRunner(db: Db, handlers: JobHandlers, options: { pollMs?: number } = {}): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    current = runQueuedJobs(db, handlers)
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 1000);
      });
  };
  let timer = setTimeout(tick, options.pollMs ?? 1000);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}

export type Job = z.infer<typeof jobSchema>;

export const toJob = (j: JobRow): Job => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  progressDone: j.progressDone,
  progressTotal: j.progressTotal,
  result: j.result ?? null,
  error: j.error ?? null,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** A job its creator polls; others in scope may read it too, nobody outside (not found). */
export async function getJob(db: Db, actor: Actor, id: number): Promise<Job> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), scopeFilter(actor, jobs.orgUnitCode)));
  if (!row) throw new AppError('job.not_found');
  return toJob(row);
}
