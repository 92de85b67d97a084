/**
 * Every operation's `operationId`, derived from its method and URL so that a new route gets a stable name without
 * anyone writing one, and integrators' generated clients keep their method names from release to release.
 * The rule, with docs/api.md's examples:
 *   GET  /api/products                    → listProducts      (a plural last segment is a list)
 *   GET  /api/products/{id}               → getProduct        (the segment before a parameter is made singular)
 *   POST /api/products                    → createProduct
 *   PATCH / PUT / DELETE on an item       → updateProduct / setCenterProfile / deleteWisdom
 *   POST /api/advances/{id}/approve       → approveAdvance    (a singular last segment after an item is an action)
 *   POST /api/plans/{id}/projects         → createPlanProject (a plural one is a sub-list)
 *   GET  /api/products/export.xlsx        → exportProductsXlsx
 *   GET  /api/advances/{id}/contract.pdf  → getAdvanceContractPdf; POST on a file (it issues a number) → issue…
 * Where the rule reads badly, OPERATION_ID_OVERRIDES names the operation; a route may also set `operationId` itself.
 */

/** Plurals the s-rules below would get wrong, and one a domain word reads better as (a needs analysis). */
const IRREGULAR_SINGULARS: Record<string, string> = { people: 'person', needs: 'needs-analysis' };
/** Collections named by a mass noun: a GET on them lists. */
const MASS_NOUN_COLLECTIONS = new Set(['wisdom', 'funding']);
const FILE_EXTENSIONS = ['pdf', 'xlsx', 'csv'] as const;

/** Names the rule would make ugly or misleading, by `METHOD /path` as the document writes it. */
export const OPERATION_ID_OVERRIDES: Record<string, string> = {
  'POST /api/auth/login': 'login',
  'POST /api/auth/logout': 'logout',
  'GET /api/auth/me': 'getCurrentUser',
  'POST /api/auth/password': 'changeOwnPassword',
  'POST /api/users/{id}/password': 'setUserPassword',
  'GET /api/audit': 'listAuditEntries',
  'POST /api/groups/{id}/stage': 'setGroupStage',
  'POST /api/requests/{id}/status': 'moveRequestStatus',
  'POST /api/funding/{id}/decision': 'decideFunding',
  'POST /api/meetings/{id}/minutes': 'recordMeetingMinutes',
  'PUT /api/expense-plans': 'saveExpensePlanDraft',
  'GET /api/dashboards': 'getDashboard',
  'GET /api/dashboards.xlsx': 'getDashboardXlsx',
  'GET /api/dashboards.pdf': 'getDashboardPdf',
  'GET /api/sales/summary': 'getSalesSummary',
  'GET /api/reports/summary': 'getReportsSummary',
  'GET /api/indicators/summary': 'getIndicatorsSummary',
  'GET /api/settings/meeting-quorum': 'getMeetingQuorum',
  'PUT /api/settings/meeting-quorum': 'setMeetingQuorum',
  'GET /api/settings/documents': 'getDocumentSettings',
  'GET /api/settings/emblem': 'getEmblem',
  'PUT /api/settings/emblem': 'uploadEmblem',
};

const isParameter = (segment: string) => segment.startsWith('{');
const isCollection = (word: string) =>
  word in IRREGULAR_SINGULARS || MASS_NOUN_COLLECTIONS.has(word) || (/s$/.test(word) && !/(ss|us)$/.test(word));

export function singular(word: string): string {
  if (IRREGULAR_SINGULARS[word]) return IRREGULAR_SINGULARS[word];
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ch|sh|ss|x)es$/.test(word)) return word.replace(/es$/, '');
  if (/s$/.test(word) && !/(ss|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** `expense-plan` → `ExpensePlan`. */
const pascal = (words: string) =>
  words
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const VERB_ON_ITEM: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete' };

/** The operationId the rule gives `METHOD path` (path as the document writes it: `/api/products/{id}`). */
export function derivedOperationId(method: string, path: string): string {
  const segments = path.replace(/^\/api\//, '').split('/');
  const last = segments.at(-1)!;
  const extension = FILE_EXTENSIONS.find((ext) => last.endsWith(`.${ext}`));
  const lastName = extension ? last.slice(0, -extension.length - 1) : last;
  const before = segments.slice(0, -1);
  const fileSuffix = extension ? pascal(extension) : '';

  if (lastName === 'export' && extension) {
    // The list's words, a record's id dropped and its collection named in the singular: `items/{id}/allocations` → ItemAllocations.
    const words = before.flatMap((s, i) => (isParameter(s) ? [] : isParameter(before[i + 1] ?? '') ? [singular(s)] : [s]));
    return `export${words.map(pascal).join('')}${fileSuffix}`;
  }

  const nouns = before.filter((s) => !isParameter(s)).map((s) => singular(s));
  if (isParameter(lastName)) {
    // The item of the last word: `/api/products/{id}` → Product, `/api/posts/{id}/attachments/{attachmentId}` → PostAttachment.
    return `${VERB_ON_ITEM[method]}${nouns.map(pascal).join('')}${fileSuffix}`;
  }
  // A last word repeating the item's name (`/api/reports/{id}/report.pdf`) adds nothing.
  const lastWord = nouns.at(-1) === singular(lastName) ? '' : lastName;
  const subject = nouns.map(pascal).join('') + pascal(lastWord);
  if (extension) return `${method === 'GET' ? 'get' : 'issue'}${subject}${fileSuffix}`;
  switch (method) {
    case 'GET':
      return `${isCollection(lastName) ? 'list' : 'get'}${subject}`;
    case 'POST':
      return isCollection(lastName)
        ? `create${nouns.map(pascal).join('')}${pascal(singular(lastName))}`
        : `${lastName.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}${nouns.map(pascal).join('')}`;
    default:
      return `${VERB_ON_ITEM[method]}${subject}`;
  }
}

export function operationIdFor(method: string, path: string): string {
  return OPERATION_ID_OVERRIDES[`${method} ${path}`] ?? derivedOperationId(method, path);
}

/** `operationId → the operations that share it`, for each id given to more than one. */
export function duplicateOperationIds(operations: { operationId: string; label: string }[]): Record<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const op of operations) byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), op.label]);
  return Object.fromEntries([...byId].filter(([, labels]) => labels.length > 1));
}
