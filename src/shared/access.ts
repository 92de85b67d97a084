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
