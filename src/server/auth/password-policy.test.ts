import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses passwords on the shipped list of common passwords, whatever their case', async () => {
    expect(await passwordProblem('1qaz2wsx3edc', 'somchai')).toBe('password.common');
    expect(await passwordProblem('QWERTY123456', 'somchai')).toBe('password.common');
    expect(await passwordProblem('Password1234', 'somchai')).toBe('password.common');
  });

  it('refuses a password that is or contains the username', async () => {
    expect(await passwordProblem('somchai.k2026', 'somchai.k2026')).toBe('password.contains_username');
    expect(await passwordProblem('my-Somchai.K-is-great', 'somchai.k')).toBe('password.contains_username');
  });

  it('refuses one repeated character or pattern and simple sequences', async () => {
    for (const password of [
      'aaaaaaaaaaaa',
      '            ',
      '121212121212',
      'abcabcabcabc',
      '345678901234',
      '987654321098',
      'abcdefghijkl',
    ])
      expect(await passwordProblem(password, 'somchai'), password).toBe('password.repetitive');
  });

  it('refuses passwords that are easy to guess by zxcvbn’s estimate', async () => {
    for (const password of ['iloveyou2026', 'sunshine1990', 'monkey123456', 'qwertyui1234'])
      expect(await passwordProblem(password, 'somchai'), password).toBe('password.weak');
  });

  it('accepts long passphrases, in English or Thai, and the demo password', async () => {
    for (const password of ['thanrak-demo', 'long-enough-pass', 'correct horse battery', 'รหัสผ่านของฉัน1', 'ทุ่งศรีเมืองยามเช้า'])
      expect(await passwordProblem(password, 'somchai'), password).toBeUndefined();
  });
});
