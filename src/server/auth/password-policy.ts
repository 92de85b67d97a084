/**
 * What a new password must be beyond its length (checked by `passwordSchema`): not a common password,
 * not the username, not one repeated pattern or a simple run of characters, and hard to guess by
 * zxcvbn's estimate (NIST SP 800-63B: screen against known-bad passwords instead of composition rules).
 */
import { readFileSync } from 'node:fs';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { ERRORS, type ErrorCode } from '#shared/errors';
import { AppError } from '../errors';

/** zxcvbn's score runs 0–4; 3 means "safely unguessable" against an online attack and more. */
const MIN_STRENGTH = 3;

let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords.has(password.toLowerCase());
}

/** Between two digits a step of +1 or −1 wraps around (…8 9 0 1…). */
const DIGIT_STEP: Record<number, number> = { 1: 1, 9: -1 };
function stepBetween(a: string, b: string): number {
  const d = b.codePointAt(0)! - a.codePointAt(0)!;
  if (/\d/.test(a) && /\d/.test(b)) return DIGIT_STEP[(d + 10) % 10] ?? 0;
  return Math.abs(d) === 1 ? d : 0;
}

/** Every step between neighbouring characters is the same +1 or −1 (abcdefghijkl, 123456789012, 987654321098). */
function isSimpleSequence(password: string): boolean {
  const chars = [...password];
  const first = stepBetween(chars[0], chars[1]);
  return first !== 0 && chars.every((c, i) => i === 0 || stepBetween(chars[i - 1], c) === first);
}

/** The whole password is one chunk said again and again (aaaa…, 1212…, abcabc…, passwordpassword). */
const isRepetition = (password: string) => /^(.+?)\1+$/su.test(password);

let strength: Promise<ZxcvbnFactory> | undefined;
async function strengthOf(password: string, hints: string[]): Promise<number> {
  // Loaded and built on first use, not at start: the dictionaries take about a second to load.
  strength ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return (await strength).check(password, hints).score;
}

/** The first rule a new password breaks, or undefined when it is acceptable. */
export async function passwordProblem(password: string, username: string, hints: string[] = []): Promise<ErrorCode | undefined> {
  const lower = password.toLowerCase();
  if (isCommon(password)) return 'password.common';
  if (username && lower.includes(username.toLowerCase())) return 'password.contains_username';
  if (isRepetition(lower) || isSimpleSequence(lower)) return 'password.repetitive';
  if ((await strengthOf(password, [username, ...hints])) < MIN_STRENGTH) return 'password.weak';
  return undefined;
}

/** Refuses a new password, as a field error on `path` (e.g. `body/newPassword`) the form can show. */
export function refusePassword(problem: ErrorCode, path: string): never {
  const { th, en } = ERRORS[problem];
  throw new AppError(problem, { fields: [{ path, code: problem, th, en }] });
}

export async function requireStrongPassword(
  password: string,
  username: string,
  path: string,
  hints: string[] = [],
): Promise<void> {
  const problem = await passwordProblem(password, username, hints);
  if (problem) refusePassword(problem, path);
}
