/**
 * A wisdom item's holders in an import: found among the district's people (never created here), written with the
 * wisdom service's own holder code, and undone with the item (a rollback removes or restores both, and takes back a
 * wisdom-holder tag the import gave a person).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../access';
import { changeRecord } from '../../audit/writes';
import { now } from '../../clock';
import type { Tx } from '../../db/client';
import { people, wisdomHolders, wisdomItems } from '../../db/schema';
import type { ImportProblem, Parsed } from '../../imports/read';
import { holderIdsOf, setHolders } from '../wisdom/wisdom.service';
import { type BatchRowRef, problem, type WrittenRow } from './importer';
import type { PeopleLookup, PersonRow } from './people-lookup';

const WISDOM = { entity: 'wisdom', notFound: 'wisdom.not_found' } as const;

/**
 * The holder a row names: by citizen ID, else by name + subdistrict (the holder's, or the item's), never a namesake
 * whose citizen ID on file is another one. Not found, or more than one namesake: a problem, in Thai and English.
 */
export function findHolder(
  found: PeopleLookup,
  line: number,
  v: Record<string, string>,
  parsedId: Parsed<string> | undefined,
): { holder?: PersonRow; problems: ImportProblem[] } {
  if (parsedId && 'problem' in parsedId) return { problems: [{ line, column: 'holderCitizenId', ...parsedId.problem }] };
  const citizenId = parsedId?.value;
  const holderName = `${v.holderFirstName} ${v.holderLastName}`.trim();
  if (!citizenId && !(v.holderFirstName && v.holderLastName))
    return {
      problems: [
        problem(
          line,
          'holderFirstName',
          'import.holder_required',
          'ต้องระบุผู้ถือครอง: เลขประจำตัวประชาชน หรือชื่อและนามสกุล',
          'Name the holder: a citizen ID, or a first and last name',
        ),
      ],
    };
  const hash = citizenId ? found.hashOf(citizenId) : undefined;
  const byName = v.holderFirstName
    ? found
        .byName(v.holderFirstName, v.holderLastName, v.holderSubdistrict || v.subdistrict)
        .filter((p) => !hash || !p.citizenIdHash || p.citizenIdHash === hash)
    : [];
  const holder = (citizenId ? found.byCitizenId(citizenId) : undefined) ?? (byName.length === 1 ? byName[0] : undefined);
  if (holder) return { holder, problems: [] };
  if (byName.length > 1)
    return {
      problems: [
        problem(
          line,
          'holderCitizenId',
          'import.holder_ambiguous',
          `พบบุคคลชื่อ "${holderName}" ในตำบลเดียวกันมากกว่าหนึ่งคน กรุณาระบุเลขประจำตัวประชาชนผู้ถือครอง`,
          `More than one person named "${holderName}" in that subdistrict; give the holder's citizen ID`,
        ),
      ],
    };
  const named = holderName || `x-xxxx-xxxx${citizenId!.slice(9, 10)}-${citizenId!.slice(10, 12)}-${citizenId![12]}`;
  return {
    problems: [
      problem(
        line,
        citizenId ? 'holderCitizenId' : 'holderFirstName',
        'import.holder_not_found',
        `ไม่พบผู้ถือครอง "${named}" ในข้อมูลบุคคลของอำเภอ กรุณาเพิ่มบุคคลก่อน (นำเข้าข้อมูลบุคคล) แล้วนำเข้าอีกครั้ง`,
        `The holder "${named}" is not one of the district's people; add the person first (import people), then upload again`,
      ),
    ],
  };
}

/** Sets the item's holders through the service; a wisdom-holder tag the person lacked is kept for the rollback. */
export async function writeHolders(
  tx: Tx,
  actor: Actor,
  wisdomId: number,
  ids: number[],
  holderId: number,
): Promise<WrittenRow[]> {
  const [person] = await tx.select().from(people).where(eq(people.id, holderId));
  await setHolders(tx, actor, wisdomId, ids);
  if (!person || person.roles.includes('wisdom_holder')) return [];
  const [tagged] = await tx.select({ version: people.version }).from(people).where(eq(people.id, holderId));
  return [
    { tableName: 'people', recordId: holderId, action: 'updated', versionAfter: tagged.version, before: { roles: person.roles } },
  ];
}

/** Created items removed with their holders, updated ones restored with theirs; each change versioned and audited. */
export async function undoWisdomItems(tx: Tx, actor: Actor, rows: BatchRowRef[]): Promise<void> {
  for (const row of rows.filter((r) => r.tableName === 'wisdom_items')) {
    const current = await holderIdsOf(tx, row.recordId);
    const { holderIds = [], ...fields } = (row.before ?? {}) as { holderIds?: number[] } & Record<string, unknown>;
    const values = row.action === 'created' ? { deletedAt: now() } : fields;
    await changeRecord(tx, actor, wisdomItems, WISDOM, row.recordId, values as never, {
      action: 'rollback',
      before: { holderIds: current },
      after: { holderIds },
    });
    await tx.delete(wisdomHolders).where(eq(wisdomHolders.wisdomId, row.recordId));
    if (holderIds.length)
      await tx.insert(wisdomHolders).values(holderIds.map((personId) => ({ wisdomId: row.recordId, personId })));
  }
}
