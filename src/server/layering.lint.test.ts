/** The layering lint: synthetic files prove each rule fails, then the real source tree must pass (no database). */
import { describe, expect, it } from 'vitest';
import { layeringViolations, sourceTree } from './test/layering';

describe('layering lint', () => {
  it('fails on a route importing db/', () => {
    const violations = layeringViolations([
      {
        path: 'src/server/features/wisdom/wisdom.routes.ts',
        source: "import { findVisible } from '../../db/records';\nimport { wisdomItems } from '#server/db/schema/index';",
      },
    ]);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain('must not import db/');
  });

  it("fails on a route calling another feature's service, not its own", () => {
    const violations = layeringViolations([
      {
        path: 'src/server/features/wisdom/wisdom.routes.ts',
        source: [
          "import { addAttachment } from '../attachments/attachments.service';",
          "import { readUpload } from '../attachments/upload';",
          "import { listWisdom } from './wisdom.service';",
        ].join('\n'),
      },
    ]);
    expect(violations).toEqual([expect.stringContaining("another feature's service")]);
  });

  it('fails on web code importing server code, by path or by #server alias', () => {
    const violations = layeringViolations([
      { path: 'src/web/features/x/Page.tsx', source: "import type { Actor } from '../../../server/access';" },
      { path: 'src/web/api.ts', source: "import { now } from '#server/clock';\nimport { isoDate } from '#shared/fields';" },
    ]);
    expect(violations).toHaveLength(2);
  });

  it('fails on db/ importing a feature or the demo data, and on infrastructure importing a feature', () => {
    const violations = layeringViolations([
      { path: 'src/server/db/setup.ts', source: "import { seedDemoData } from '../demo/demo';" },
      { path: 'src/server/db/x.ts', source: "export { a } from '../features/wisdom/wisdom.service';" },
      { path: 'src/server/access/index.ts', source: "const m = await import('../features/budget/budget.service');" },
      { path: 'src/server/audit/writes.ts', source: "import { auditEvent } from './audit';" },
    ]);
    expect(violations).toHaveLength(4);
  });

  it('fails on a service writing an audit entry by hand, outside audit/', () => {
    const handWritten = `import { ${'record'}Audit } from '../../audit/audit';`;
    expect(
      layeringViolations([
        { path: 'src/server/features/wisdom/wisdom.service.ts', source: handWritten },
        { path: 'src/server/audit/writes.ts', source: handWritten.replace('../../audit/audit', './audit') },
      ]),
    ).toEqual([expect.stringContaining('audit/writes.ts or auditEvent')]);
  });

  it('passes on the source tree', () => {
    expect(layeringViolations(sourceTree('src'))).toEqual([]);
  });
});
