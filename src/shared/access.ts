/** Roles and permissions, shared so the web app can hide what the server would refuse anyway. */
export const ROLES = [
  'national_admin',
  'province_officer',
  'district_officer',
  /** The district chief (นายอำเภอ): approves the district's spending and cash advances under a delegation order. */
  'district_chief',
  'committee_member',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org_units.read',
  'users.read',
  'users.manage',
  'audit.read',
  'pipeline.read',
  'pipeline.write',
  'people.citizen_id.read',
  'budget.read',
  'budget.plan',
  'budget.allocate',
  'advances.read',
  'advances.write',
  'expenses.write',
  'expenses.review',
  'spending.write',
  /** Approve payments and cash advances; each approval must also rest on a delegation order (access/authority.ts). */
  'budget.approve',
  /** Record and revoke delegation orders of the own unit (a province's governor's orders; a chief's acting orders). */
  'delegations.manage',
  'documents.issue',
  'documents.emblem',
  /** Approve or return a district's quarterly report, and lock or unlock its quarter. */
  'reports.review',
  /** Record the department's approval for a district to keep its older committee mechanism. */
  'committees.exception',
  /** Change system-wide settings (the meeting quorum). */
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['org_units.read', 'users.read', 'audit.read', 'pipeline.read', 'budget.read', 'advances.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national_admin: [
    ...READ_ALL,
    'users.manage',
    'budget.plan',
    'budget.allocate',
    'delegations.manage',
    'documents.issue',
    'documents.emblem',
    'reports.review',
    'committees.exception',
    'settings.manage',
  ],
  province_officer: [
    ...READ_ALL,
    'users.manage',
    'budget.allocate',
    'advances.write',
    'budget.approve',
    'delegations.manage',
    'expenses.review',
    'spending.write',
    'documents.issue',
    'reports.review',
  ],
  // The district registers people and records their work, so it alone sees full citizen IDs.
  district_officer: [
    ...READ_ALL,
    'users.manage',
    'pipeline.write',
    'people.citizen_id.read',
    'advances.write',
    'budget.approve',
    'expenses.write',
    'spending.write',
    'documents.issue',
  ],
  // The chief reads the district and approves its money; the officers prepare the paperwork.
  district_chief: [...READ_ALL, 'budget.approve', 'delegations.manage'],
  committee_member: ['org_units.read', 'pipeline.read'],
  viewer: ['org_units.read', 'pipeline.read'],
};

export type OrgLevel = 'national' | 'province' | 'district';

/** The level of org unit each role is bound to; a viewer may sit at any level. */
export const ROLE_LEVELS: Record<Role, readonly OrgLevel[]> = {
  national_admin: ['national'],
  province_officer: ['province'],
  district_officer: ['district'],
  district_chief: ['district'],
  committee_member: ['district'],
  viewer: ['national', 'province', 'district'],
};

/** Which roles a manager may give out (always inside the manager's own scope). */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  national_admin: ROLES,
  province_officer: ['province_officer', 'district_officer', 'district_chief', 'committee_member', 'viewer'],
  district_officer: ['committee_member'],
  district_chief: [],
  committee_member: [],
  viewer: [],
};

/** Hierarchical DOPA codes make scope a prefix: '' (nation), '34' (province), '3401' (district). */
export function scopePrefixOf(orgUnitCode: string): string {
  return orgUnitCode === 'TH' ? '' : orgUnitCode;
}

export function codeInScope(scopeCode: string, code: string): boolean {
  return code.startsWith(scopePrefixOf(scopeCode));
}

/**
 * Who records services (DOMAIN.md §2): the district's officers, and committee members for the services they gave.
 * A role list, not a permission, so a province officer may still give out committee accounts (it never holds it).
 */
export const SERVICE_RECORDERS: readonly Role[] = ['district_officer', 'committee_member'];

/** The roles holding a permission. */
/** Officials of an office (ข้าราชการ/เจ้าหน้าที่), who alone may borrow its cash; committee members and viewers may not. */
export const OFFICIAL_ROLES: readonly Role[] = ['province_officer', 'district_officer', 'district_chief'];

export const rolesWith = (permission: Permission): Role[] => ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));

/** What an API token may do (decision 038): read its unit's data, or also record it. */
export const TOKEN_ACCESS = ['read', 'read_write'] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];

/**
 * What every token reads: its units' records, budget and advances. Not the account directory, the audit log (who did
 * what, from where) nor full citizen IDs: those stay with people who sign in.
 */
const TOKEN_READS: readonly Permission[] = ['org_units.read', 'pipeline.read', 'budget.read', 'advances.read'];

/**
 * What a read-write token may also do: the recording writes its unit level's officer holds. Approving money,
 * reviewing, issuing numbered letters and managing accounts, tokens or delegations need a person; the department's
 * own writes are all of that kind, so a national token only reads.
 */
const TOKEN_WRITES: readonly Permission[] = [
  'pipeline.write',
  'advances.write',
  'expenses.write',
  'spending.write',
  'budget.allocate',
];
const OFFICER_OF_LEVEL: Record<OrgLevel, Role | undefined> = {
  national: undefined,
  province: 'province_officer',
  district: 'district_officer',
};

/** The permissions of a token of a unit at `level`. */
export function tokenPermissions(level: OrgLevel, access: TokenAccess): Permission[] {
  const officer = OFFICER_OF_LEVEL[level];
  const writes = access === 'read_write' && officer ? TOKEN_WRITES.filter((p) => ROLE_PERMISSIONS[officer].includes(p)) : [];
  return [...TOKEN_READS, ...writes];
}

/**
 * Who makes and revokes tokens: those who manage accounts and may give out viewer accounts (the department and the
 * provinces), since a token's service account is such an account.
 */
export const managesTokens = (role: Role): boolean =>
  ROLE_PERMISSIONS[role].includes('users.manage') && MANAGEABLE_ROLES[role].includes('viewer');
