import type { Activity, Touch } from '#shared/activity/activity.ts';
import type { Consent, ContactProfile } from '#shared/contact/contact.ts';
import type { SuppressionReason } from '#shared/nurture/nurture-state.ts';

/** The stages an import may set: the ones a team knows from its old tools and leadflow keeps. */
export const IMPORTABLE_STAGES = ['customer', 'disqualified'] as const;
export type ImportableStage = (typeof IMPORTABLE_STAGES)[number];

/** A historical activity carried by a row: scored with decay from its own date, never announced as new. */
export interface ImportedActivity {
  readonly type: Activity['type'];
  readonly occurredAt: string;
}

/** One valid row of an import file, in leadflow's terms (what parse-import-row.ts makes of a CSV record). */
export interface ImportRow {
  /** Normalized (see normalizeEmail). */
  readonly email: string;
  readonly profile: Omit<ContactProfile, 'email'>;
  /** With its original date, legal basis and source. */
  readonly consent?: Consent;
  readonly stage?: ImportableStage;
  readonly suppression?: { readonly reason: SuppressionReason; readonly at: string };
  /** The first touch the old tool recorded (source, medium, campaign), kept only for a new contact. */
  readonly firstTouch?: Touch;
  readonly activities: readonly ImportedActivity[];
}

/** Why a cell made its row unusable; the report lists one line per problem. */
export interface RowProblem {
  /** The row as a spreadsheet numbers it: the header is row 1, the first contact row 2. */
  readonly row: number;
  /** The file's column header, or empty for a problem of the whole row. */
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}
