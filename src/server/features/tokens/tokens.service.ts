/**
 * API tokens (decision 038): made and revoked by those who manage accounts, each acting as its own service account,
 * scoped to a unit of the maker's scope, read-only unless made read-write, and listed without its secret.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { addDays } from '#shared/thai/calendar';
import {
  type ApiToken,
  type apiTokenListQuery,
  type CreatedApiToken,
  type createApiTokenBody,
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
  type TokenStatus,
} from '#shared/tokens';
import { type Actor, requireInScope, requireTokenManager, scopeFilter, tokenPermissionsBeyond } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { newSecret } from '../../auth/api-tokens';
import { now, thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { key, readPage } from '../../db/paging';
import { apiTokens, orgUnits, users } from '../../db/schema';
import { AppError } from '../../errors';
import { findOrgUnit } from '../org-units/org-units.service';

const TOKEN = { entity: 'api_token', notFound: 'token.not_found' } as const;

const maker = alias(users, 'maker');
const revoker = alias(users, 'revoker');
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  orgUnitCode: apiTokens.orgUnitCode,
  orgUnitNameTh: orgUnits.nameTh,
  orgUnitNameEn: orgUnits.nameEn,
  access: apiTokens.access,
  createdByName: maker.displayName,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  revokedByName: revoker.displayName,
  version: apiTokens.version,
};

const selectTokens = (db: Db) =>
  db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(orgUnits, eq(orgUnits.code, apiTokens.orgUnitCode))
    .innerJoin(maker, eq(maker.id, apiTokens.createdBy))
    .leftJoin(revoker, eq(revoker.id, apiTokens.revokedBy))
    .$dynamic();
type TokenRow = Awaited<ReturnType<typeof selectTokens>>[number];

/** A token stops at midnight Thai time after its last day: the day before that instant, in Thailand. */
const lastDayOf = (expiresAt: Date) => new Date(expiresAt.getTime() + 7 * 3_600_000 - 1).toISOString().slice(0, 10);
const endOfThaiDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00+07:00`);

function toApiToken(row: TokenRow): ApiToken {
  const { expiresAt, ...rest } = row;
  const status: TokenStatus = row.revokedAt ? 'revoked' : now() >= expiresAt ? 'expired' : 'active';
  return {
    ...rest,
    status,
    createdAt: row.createdAt.toISOString(),
    expiresOn: lastDayOf(expiresAt),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const STATUS_FILTER: Record<TokenStatus, () => SQL | undefined> = {
  active: () => and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now())),
  expired: () => and(isNull(apiTokens.revokedAt), lte(apiTokens.expiresAt, now())),
  revoked: () => isNotNull(apiTokens.revokedAt),
};

/** Tokens of the actor's scope, newest first. */
export async function listApiTokens(db: Db, actor: Actor, query: z.infer<typeof apiTokenListQuery>) {
  requireTokenManager(actor);
  const where = and(
    scopeFilter(actor, apiTokens.orgUnitCode),
    query.unit ? underUnit(apiTokens.orgUnitCode, query.unit) : undefined,
    query.status ? STATUS_FILTER[query.status]() : undefined,
  );
  const order = [key<TokenRow>(apiTokens.id, 'int', (r) => r.id, { desc: true })];
  const page = await readPage(db, { rows: selectTokens(db), table: apiTokens, where, order }, query);
  return { ...page, items: page.items.map(toApiToken) };
}

async function getApiToken(db: Db, actor: Actor, id: number): Promise<ApiToken> {
  const [row] = await selectTokens(db).where(and(eq(apiTokens.id, id), scopeFilter(actor, apiTokens.orgUnitCode)));
  if (!row) throw new AppError(TOKEN.notFound);
  return toApiToken(row);
}

/**
 * Makes a token and its service account; the answer carries the secret, which is never shown again. The token may
 * hold no permission its maker lacks, and a national token only reads (the department's writes need a person).
 */
export async function createApiToken(db: Db, actor: Actor, body: z.infer<typeof createApiTokenBody>): Promise<CreatedApiToken> {
  requireTokenManager(actor);
  requireInScope(actor, body.orgUnitCode);
  const unit = await findOrgUnit(db, body.orgUnitCode);
  if (!unit) throw new AppError('org_unit.not_found', { params: { code: body.orgUnitCode } });
  if (body.access === 'read_write' && unit.level === 'national') throw new AppError('token.national_read_only');
  const beyond = tokenPermissionsBeyond(actor, unit.level, body.access);
  if (beyond.length) throw new AppError('token.beyond_own_permissions', { params: { permissions: beyond.join(', ') } });
  const today = thaiToday();
  const lastDay = body.expiresOn ?? addDays(today, TOKEN_DEFAULT_DAYS);
  if (lastDay < today || lastDay > addDays(today, TOKEN_MAX_DAYS))
    throw new AppError('token.expiry_out_of_range', { params: { days: TOKEN_MAX_DAYS } });

  const { secret, secretHash } = newSecret();
  const id = await db.transaction(async (tx) => {
    // The service account signs nowhere: no password verifies against '!', and sign-in looks among people only.
    const account = await createRecord(tx, actor, users, 'user', {
      username: `token:${randomUUID()}`,
      displayName: body.name,
      role: 'viewer',
      kind: 'service',
      orgUnitCode: body.orgUnitCode,
      passwordHash: '!',
    });
    const token = await createRecord(tx, actor, apiTokens, TOKEN.entity, {
      userId: account.id,
      name: body.name,
      orgUnitCode: body.orgUnitCode,
      access: body.access,
      secretHash,
      expiresAt: endOfThaiDay(lastDay),
      createdBy: actor.userId,
    });
    return token.id;
  });
  return { ...(await getApiToken(db, actor, id)), secret };
}

/** Revokes a token of the actor's scope at once: its next request answers 401 `token.revoked`. */
export async function revokeApiToken(db: Db, actor: Actor, id: number, version: number): Promise<ApiToken> {
  requireTokenManager(actor);
  if ((await getApiToken(db, actor, id)).status === 'revoked') throw new AppError('token.already_revoked');
  await db.transaction((tx) =>
    updateRecord(
      tx,
      actor,
      apiTokens,
      TOKEN,
      id,
      version,
      { revokedAt: now(), revokedBy: actor.userId },
      { action: 'revoke_token' },
    ),
  );
  return getApiToken(db, actor, id);
}
