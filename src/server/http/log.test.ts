import { describe, expect, it } from 'vitest';
import { redactError, redactUrl } from './log';

describe('logs keep no personal data', () => {
  it('keeps which filters a request used but not the words searched', () => {
    expect(redactUrl('/api/people?q=%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2&page=2')).toBe('/api/people?q=…&page=…');
    expect(redactUrl('/api/groups')).toBe('/api/groups');
  });

  it('drops the SQL text and parameters of a failed query, keeping its code and cause', () => {
    const driverError = Object.assign(new Error('duplicate key value'), { code: '23505', detail: 'Key (x)=(1)' });
    const failed = Object.assign(
      new Error('Failed query: insert into people (first_name) values ($1)\nparams: สมชาย'),
      { query: 'insert into people (first_name) values ($1)', params: ['สมชาย'] },
      { cause: driverError },
    );
    const logged = JSON.stringify(redactError(failed));
    expect(logged).not.toContain('สมชาย');
    expect(logged).not.toContain('insert into');
    expect(logged).not.toContain('Key (x)');
    expect(logged).toContain('23505');
  });
});
