/**
 * An audit change in words: the field's name, and each value as people read it — baht for satang, Buddhist Era
 * dates in Thai, code values by their names, unit codes by the unit's name, lists by their size.
 */
import type { TFunction } from 'i18next';
import { AUDIT_UNIT_FIELDS, type AuditEntry } from '#shared/audit';
import { AUDIT_ENTITIES, AUDIT_FIELDS, AUDIT_HIDDEN_FIELDS } from '#shared/audit-labels';
import { formatBaht } from '#shared/thai/money';
import { formatDate, formatDateTime } from '../../format';
import type { Language } from '../../i18n';
import { monthLabel } from '../services/months';

/** Where a code field's names live in the dictionaries; `entity.field` first, then the field alone. */
const CODE_NAMES: Record<string, string> = {
  stage: 'stages',
  grownAs: 'grownAs',
  'product.category': 'categories',
  category: 'budget.categories',
  producerType: 'producerTypes',
  'producer.status': 'producerStatuses',
  'wisdom.status': 'wisdomStatuses',
  'advance.status': 'advances.statuses',
  'expense_plan.status': 'expenses.statuses',
  roles: 'personRoles',
  role: 'roles',
  accessLevel: 'accessLevels',
  targetType: 'targetTypes',
  level: 'budget.levels',
  procurementMethod: 'spending.methods',
  'disbursement.status': 'spending.statuses',
  'user.kind': 'users.kinds',
  kind: 'advances.kinds',
  'api_token.access': 'tokens.accessLevels',
  'document_image.name': 'audit.images',
  'partner.kind': 'partners.kinds',
  mode: 'services.modes',
  outreachKind: 'services.outreachKinds',
  followUpStatus: 'services.followUpStatuses',
  'activity.kind': 'activities.kinds',
  marketKind: 'activities.marketKinds',
  topicCode: 'activities.topics',
  'development_plan.term': 'plans.terms',
  'funding_application.status': 'funding.statuses',
  'outcome.kind': 'outcomes.kinds',
  'service_request.status': 'requests.statuses',
  channel: 'requests.channels',
  'referral.status': 'referrals.statuses',
  'quarterly_report.status': 'reports.statuses',
  targetLevel: 'referrals.levels',
  'committee.category': 'committees.categories',
  'meeting.status': 'meetings.statuses',
  'meeting_resolution.status': 'meetings.resolutionStatuses',
  'post.channels': 'posts.channels',
  delegateRole: 'roles',
  powers: 'delegations.powers',
};

const MONEY_FIELDS = new Set(['balanceAfter']);
/** Fields whose value names a kind of record (what a letter or a file belongs to). */
const ENTITY_FIELDS = new Set(['recordType', 'ownerType']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Dates and months the server writes into a record's name in ISO, as it does not know the reader's language. */
const ISO_DATES_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/g;
const ISO_MONTH_AT_END = /(?<= · )\d{4}-\d{2}$/;

export interface Lookups {
  t: TFunction;
  language: Language;
  /** Names from the code lists (wisdom branches, standards) and the advance rules, by code. */
  codeName?: (field: string, code: string) => string | undefined;
}

export interface ChangeLine {
  field: string;
  label: string;
  before?: string;
  after?: string;
}

/** The record's name as people read it: a meeting's date in Buddhist Era in Thai, a sale's month by its name. */
export function describeSubject(entry: Pick<AuditEntry, 'entity' | 'subject'>, language: Language): string | null {
  if (!entry.subject) return entry.subject;
  // A typed name may hold digits shaped like a date that is none (9999-99-99): those stay as typed.
  const dated = entry.subject.replace(ISO_DATES_IN_TEXT, (iso) =>
    Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, language),
  );
  return entry.entity === 'sale' ? dated.replace(ISO_MONTH_AT_END, (month) => monthLabel(month, language)) : dated;
}

/** The lines of an entry people should read: hidden bookkeeping fields left out, each value in words. */
export function describeChanges(entry: Pick<AuditEntry, 'entity' | 'changes' | 'units'>, lookups: Lookups): ChangeLine[] {
  return Object.entries(entry.changes)
    .filter(([field]) => !AUDIT_HIDDEN_FIELDS.has(field))
    .map(([field, change]) => {
      const shown = (value: unknown) => (value === undefined ? undefined : describeValue(entry, field, value, lookups));
      return {
        field,
        label: AUDIT_FIELDS[field]?.[lookups.language] ?? field,
        before: change.before === undefined || change.before === null ? undefined : shown(change.before),
        after: shown(change.after),
      };
    });
}

export function describeValue(
  entry: Pick<AuditEntry, 'entity' | 'units'>,
  field: string,
  value: unknown,
  lookups: Lookups,
): string {
  const { t, language } = lookups;
  if (value === null || value === undefined || value === '') return '—';
  // The read log names the fields it showed: `{ field: 'phone' }`.
  if ((field === 'field' || field === 'fields') && typeof value === 'string') return AUDIT_FIELDS[value]?.[language] ?? value;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if ((AUDIT_UNIT_FIELDS as readonly string[]).includes(field) && typeof value === 'string') {
    const unit = entry.units[value];
    return unit ? unit[language] : value;
  }
  if ((field.endsWith('Satang') || MONEY_FIELDS.has(field)) && /^-?\d+$/.test(String(value)))
    return `${formatBaht(BigInt(String(value)))} ${t('common.baht')}`;
  const names = CODE_NAMES[`${entry.entity}.${field}`] ?? CODE_NAMES[field];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      if (!value.length) return '—';
      return value.map((v) => describeValue(entry, field, v, lookups)).join(', ');
    }
    return t('audit.items', { count: value.length });
  }
  if (typeof value === 'object') {
    const named = value as { filename?: unknown; name?: unknown };
    return String(named.filename ?? named.name ?? t('audit.items', { count: Object.keys(value).length }));
  }
  const text = String(value);
  if (ENTITY_FIELDS.has(field) && AUDIT_ENTITIES[text]) return AUDIT_ENTITIES[text][language];
  if (field === 'mime') return text.replace(/^(image|application)\//, '').toUpperCase();
  if (names) {
    const key = `${names}.${text}`;
    const name = t(key, { defaultValue: '' });
    if (name) return name;
  }
  const listed = lookups.codeName?.(field, text);
  if (listed) return listed;
  if (field === 'quarter' || field === 'quarters') return t('audit.quarter', { quarter: text });
  if (ISO_DATE.test(text)) return formatDate(text, language);
  if (ISO_TIME.test(text)) return formatDateTime(text, language);
  return text;
}
