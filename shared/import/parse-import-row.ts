import type { Touch } from '#shared/activity/activity.ts';
import type { Consent, ContactProfile, LegalBasis } from '#shared/contact/contact.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import type { SuppressionReason } from '#shared/nurture/nurture-state.ts';
import { type ColumnMapping, foldHeader, type ImportField, type ResolvedColumns } from './column-mapping.ts';
import type { ImportableStage, ImportedActivity, ImportRow, RowProblem } from './import-row.ts';
import { parseImportDate, parseSuppression, parseYesNo, strongerSuppression } from './import-values.ts';

export interface RowContext {
  readonly headers: readonly string[];
  readonly columns: ResolvedColumns;
  readonly mapping: ColumnMapping;
  readonly now: Date;
}

export type ParsedRow =
  | { readonly ok: true; readonly row: ImportRow }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** The same bounds as a form's fields (form-submission.ts), so an import stores nothing a form could not. */
const PROFILE_LIMITS: Readonly<Record<keyof Omit<ContactProfile, 'email'>, number>> = {
  firstName: 100,
  lastName: 100,
  company: 200,
  jobTitle: 200,
  phone: 40,
  country: 100,
  companySize: 40,
  industry: 200,
};
const TOUCH_LIMIT = 200;
/** A transaction holds at most 100 items: the contact, its nurture state, the row's mark, a stage change. */
export const MAX_ACTIVITIES_PER_ROW = 50;
const CONTROL_CHARACTERS = /\p{Cc}/u;
/** leadflow's own words, understood whatever the mapping (beside the tool's words it adds). */
const OWN_LEGAL_BASES: Readonly<Record<string, LegalBasis>> = {
  consent: 'consent',
  legitimateinterest: 'legitimate-interest',
};
const OWN_STAGES: Readonly<Record<string, ImportableStage | 'lead'>> = {
  lead: 'lead',
  customer: 'customer',
  disqualified: 'disqualified',
};

/**
 * Reads one CSV record with a mapping: every cell checked, every problem named with its column and
 * value, so the dry-run report says what to fix; a row with any problem is refused whole. Empty
 * cells say nothing (they never erase a stored value).
 */
export function parseImportRow(cells: readonly string[], row: number, context: RowContext): ParsedRow {
  const problems: RowProblem[] = [];
  const { fields } = context.columns;
  const cell = (field: ImportField): string | undefined => {
    const index = fields[field];
    const value = index === undefined ? context.mapping.defaults[field] : cells[index];
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const columnOf = (field: ImportField): string => {
    const index = fields[field];
    return index === undefined ? `${field} (mapping default)` : (context.headers[index] ?? '');
  };
  const refuse = (field: ImportField, value: string, reason: string) =>
    problems.push({ row, column: columnOf(field), value, reason });

  const rawEmail = cell('email');
  let email = '';
  if (!rawEmail) refuse('email', '', 'is empty: every row needs an email address');
  else {
    const normalized = normalizeEmail(rawEmail);
    if (normalized.ok) email = normalized.email;
    else refuse('email', rawEmail, normalized.reason);
  }

  const profile: Record<string, string> = {};
  for (const [field, limit] of Object.entries(PROFILE_LIMITS) as [keyof typeof PROFILE_LIMITS, number][]) {
    // A spreadsheet cell may wrap onto lines (a quoted line break): one line, as a form field is.
    const value = cell(field)?.replace(/[\r\n\t]+/g, ' ');
    if (value === undefined) continue;
    if (value.length > limit) refuse(field, value, `is longer than ${limit} characters`);
    else if (CONTROL_CHARACTERS.test(value))
      refuse(field, value, 'must be one line without control characters');
    else profile[field] = value;
  }

  const dates = new Map<ImportField, string | undefined>();
  const date = (field: ImportField): string | undefined => {
    if (!dates.has(field)) dates.set(field, readDate(field));
    return dates.get(field);
  };
  const readDate = (field: ImportField): string | undefined => {
    const value = cell(field);
    if (value === undefined) return undefined;
    const parsed = parseImportDate(value, context.now);
    if (parsed.ok) return parsed.value;
    refuse(field, value, parsed.reason);
    return undefined;
  };

  const consent = consentOf(cell, date, refuse, context.mapping);
  const stage = stageOf(cell('stage'), context.mapping, (value) =>
    refuse('stage', value, `is not a stage leadflow knows: write customer, disqualified or lead`),
  );
  const suppression = suppressionOf(cell, date, refuse, context.now);
  const firstTouch = touchOf(cell, date('firstSeenAt'), refuse);

  const activities: ImportedActivity[] = [];
  for (const { index, type } of context.columns.activities) {
    const value = cells[index]?.trim();
    if (!value) continue;
    const parsed = parseImportDate(value, context.now);
    if (parsed.ok) activities.push({ type, occurredAt: parsed.value });
    else problems.push({ row, column: context.headers[index] ?? '', value, reason: parsed.reason });
  }
  if (activities.length > MAX_ACTIVITIES_PER_ROW) {
    problems.push({
      row,
      column: '',
      value: String(activities.length),
      reason: `has more than ${MAX_ACTIVITIES_PER_ROW} activities`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      email,
      profile,
      ...(consent ? { consent } : {}),
      ...(stage ? { stage } : {}),
      ...(suppression ? { suppression } : {}),
      ...(firstTouch ? { firstTouch } : {}),
      activities,
    },
  };
}

type Cell = (field: ImportField) => string | undefined;
type DateCell = (field: ImportField) => string | undefined;
type Refuse = (field: ImportField, value: string, reason: string) => void;

/**
 * Consent as the old tool recorded it: granted (a yes/no column, or implied by a legal basis of
 * consent), the basis, the source, and its original date, without which it is refused: a consent
 * dated on the day of the import is the very thing a migration must not invent.
 */
function consentOf(cell: Cell, date: DateCell, refuse: Refuse, mapping: ColumnMapping): Consent | undefined {
  const rawGranted = cell('consent');
  const rawBasis = cell('legalBasis');
  let granted: boolean | undefined;
  if (rawGranted !== undefined) {
    const parsed = parseYesNo(rawGranted);
    if (parsed.ok) granted = parsed.value;
    else refuse('consent', rawGranted, parsed.reason);
  }
  let legalBasis: LegalBasis | undefined;
  if (rawBasis !== undefined) {
    const folded = foldHeader(rawBasis);
    legalBasis = mapping.legalBases[folded] ?? OWN_LEGAL_BASES[folded];
    if (!legalBasis)
      refuse(
        'legalBasis',
        rawBasis,
        'is not a legal basis leadflow knows: write consent or legitimate-interest',
      );
  }
  if (granted === undefined && legalBasis === undefined) return undefined;
  const basis = legalBasis ?? 'consent';
  const recordedAt = date('consentDate') ?? date('firstSeenAt');
  if (!recordedAt) {
    refuse('consentDate', '', 'is empty: consent must carry the date it was given');
    return undefined;
  }
  const source = cell('consentSource') ?? mapping.name;
  return {
    granted: granted ?? basis === 'consent',
    legalBasis: basis,
    recordedAt,
    source: `import:${source}`.slice(0, 200),
  };
}

function stageOf(value: string | undefined, mapping: ColumnMapping, unknown: (value: string) => void) {
  if (value === undefined) return undefined;
  const folded = foldHeader(value);
  const stage = mapping.stages[folded] ?? OWN_STAGES[folded];
  if (stage === undefined) {
    unknown(value);
    return undefined;
  }
  return stage === 'lead' ? undefined : stage;
}

/** The strongest suppression the row states, dated by its own column when it has one, else now. */
function suppressionOf(cell: Cell, date: DateCell, refuse: Refuse, now: Date) {
  const dated: { reason: SuppressionReason; at?: string }[] = [];
  const unsubscribedAt = date('unsubscribedAt');
  if (unsubscribedAt) dated.push({ reason: 'unsubscribed', at: unsubscribedAt });
  const bouncedAt = date('bouncedAt');
  if (bouncedAt) dated.push({ reason: 'hard-bounce', at: bouncedAt });
  const complainedAt = date('complainedAt');
  if (complainedAt) dated.push({ reason: 'complaint', at: complainedAt });
  const rawUnsubscribed = cell('unsubscribed');
  if (rawUnsubscribed !== undefined) {
    const parsed = parseYesNo(rawUnsubscribed);
    if (!parsed.ok) refuse('unsubscribed', rawUnsubscribed, parsed.reason);
    else if (parsed.value) dated.push({ reason: 'unsubscribed', at: unsubscribedAt });
  }
  const rawStatus = cell('suppression');
  if (rawStatus !== undefined) {
    const parsed = parseSuppression(rawStatus);
    if (!parsed.ok) refuse('suppression', rawStatus, parsed.reason);
    else if (parsed.value) dated.push({ reason: parsed.value });
  }
  const reason = dated.reduce<SuppressionReason | undefined>(
    (strongest, next) => strongerSuppression(strongest, next.reason),
    undefined,
  );
  if (!reason) return undefined;
  const at = dated.find((entry) => entry.reason === reason && entry.at)?.at ?? now.toISOString();
  return { reason, at };
}

function touchOf(cell: Cell, at: string | undefined, refuse: Refuse): Touch | undefined {
  const touch: Record<string, string> = {};
  for (const [field, key] of [
    ['utmSource', 'utmSource'],
    ['utmMedium', 'utmMedium'],
    ['utmCampaign', 'utmCampaign'],
  ] as const) {
    const value = cell(field);
    if (value === undefined) continue;
    if (value.length > TOUCH_LIMIT || CONTROL_CHARACTERS.test(value)) {
      refuse(field, value, `must be one line of at most ${TOUCH_LIMIT} characters`);
    } else touch[key] = value;
  }
  if (Object.keys(touch).length === 0 || !at) return undefined;
  return { ...touch, at };
}
