import * as z from 'zod/mini';
import { ACTIVITY_TYPES, type ActivityType } from '#events/vocabulary/activity-type.ts';
import { LEGAL_BASES, type LegalBasis } from '#shared/contact/contact.ts';
import { IMPORTABLE_STAGES, type ImportableStage } from './import-row.ts';

/** What a column can mean to leadflow. */
export const IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'country',
  'companySize',
  'industry',
  /** yes/no: the person gave consent to marketing email. */
  'consent',
  /** When consent was given; the row's consent is dated with it, not with the import. */
  'consentDate',
  'legalBasis',
  'consentSource',
  'stage',
  /** yes/no: unsubscribed, dated by `unsubscribedAt` when the file has it. */
  'unsubscribed',
  /** A date here means unsubscribed then (Mailchimp's UNSUB_TIME). */
  'unsubscribedAt',
  /** A date here means a hard bounce then (Mailchimp's CLEAN_TIME, Salesforce's EmailBouncedDate). */
  'bouncedAt',
  'complainedAt',
  /** One of unsubscribed, bounced, complained (or empty). */
  'suppression',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  /** When the old tool first saw the contact: the date of its first touch. */
  'firstSeenAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Activity types a file may carry as history; suppressions are columns of their own, not activities. */
export const IMPORTABLE_ACTIVITY_TYPES = ACTIVITY_TYPES.filter(
  (type) => !['unsubscribed', 'email_bounced', 'email_complained', 'page_visited'].includes(type),
) as readonly ActivityType[];

/**
 * How a file's columns become leadflow fields: the header spellings each field is read from (the
 * first present wins, compared folded, see foldHeader), the columns holding the date of a historical
 * activity, the values every row gets when the file has no such column, and the tool's own words for
 * lifecycle stages and legal bases. Presets are such mappings; a team saves its own the same way.
 */
export interface ColumnMapping {
  readonly name: string;
  readonly description: string;
  readonly columns: Readonly<Partial<Record<ImportField, readonly string[]>>>;
  readonly activities: Readonly<Record<string, ActivityType>>;
  readonly defaults: Readonly<Partial<Record<ImportField, string>>>;
  /** Folded value → stage; `lead` means "nothing to set" (the tool's many lead-like stages). */
  readonly stages: Readonly<Record<string, ImportableStage | 'lead'>>;
  readonly legalBases: Readonly<Record<string, LegalBasis>>;
}

const fieldNames = z.enum(IMPORT_FIELDS);
const headerList = z
  .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
  .check(z.maxLength(10));

/** A saved mapping as the API takes it and the table keeps it. */
export const columnMappingSchema = z.object({
  name: z
    .string()
    .check(z.trim(), z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes')),
  description: z._default(z.string().check(z.maxLength(300)), ''),
  columns: z.partialRecord(fieldNames, headerList),
  activities: z._default(
    z.record(
      z.string().check(z.minLength(1), z.maxLength(200)),
      z.enum(IMPORTABLE_ACTIVITY_TYPES as [ActivityType, ...ActivityType[]]),
    ),
    {},
  ),
  defaults: z._default(z.partialRecord(fieldNames, z.string().check(z.maxLength(200))), {}),
  stages: z._default(z.record(z.string(), z.enum([...IMPORTABLE_STAGES, 'lead'])), {}),
  legalBases: z._default(z.record(z.string(), z.enum(LEGAL_BASES)), {}),
});

/**
 * Header spellings compared without case, accents, spaces or punctuation, so `E-mail Address`,
 * `email_address` and `EmailAddress` are one column, as people and tools write them.
 */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Where each field is in one file: column indexes, or the reason the file cannot be read with this mapping. */
export interface ResolvedColumns {
  readonly fields: Readonly<Partial<Record<ImportField, number>>>;
  /** Columns whose cells are dates of a historical activity. */
  readonly activities: readonly { readonly index: number; readonly type: ActivityType }[];
  /** Headers nothing reads (shown in the preview, so a forgotten column is seen). */
  readonly ignored: readonly string[];
}

/** The prefix of a generic activity column: `activity:webinar_attended` holds its dates. */
const ACTIVITY_COLUMN = /^activity[:_ ]+([a-z_]+)$/i;

export function resolveColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
): { ok: true; columns: ResolvedColumns } | { ok: false; reason: string } {
  const folded = headers.map(foldHeader);
  const used = new Set<number>();
  const fields: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    // A column may feed two fields (HubSpot's Create Date dates both the consent and the first touch).
    for (const spelling of mapping.columns[field] ?? []) {
      const index = folded.indexOf(foldHeader(spelling));
      if (index >= 0) {
        fields[field] = index;
        used.add(index);
        break;
      }
    }
  }
  const activities: { index: number; type: ActivityType }[] = [];
  const byFoldedHeader = new Map(
    Object.entries(mapping.activities).map(([header, type]) => [foldHeader(header), type]),
  );
  headers.forEach((header, index) => {
    const generic = ACTIVITY_COLUMN.exec(header.trim())?.[1]?.toLowerCase();
    const type =
      byFoldedHeader.get(folded[index] as string) ??
      (IMPORTABLE_ACTIVITY_TYPES.includes(generic as ActivityType) ? (generic as ActivityType) : undefined);
    if (!type) return;
    activities.push({ index, type });
    used.add(index);
  });
  if (fields.email === undefined) {
    const tried = (mapping.columns.email ?? []).join('", "');
    return {
      ok: false,
      reason: `The file has no email column: mapping "${mapping.name}" looks for "${tried}". Choose another mapping or rename the column.`,
    };
  }
  const ignored = headers.filter((_, index) => !used.has(index));
  return { ok: true, columns: { fields, activities, ignored } };
}
