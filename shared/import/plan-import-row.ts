import { createHash } from 'node:crypto';
import { ACTIVITY_TYPE_BY_FORM, type FormType } from '#events/vocabulary/activity-type.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { StageTransition } from '#shared/contact/contact-repository.ts';
import { type NurtureState, suppress } from '#shared/nurture/nurture-state.ts';
import type { ImportRow } from './import-row.ts';

/** How imported leads meet nurture: held until they engage anew (the default), or enrolled like a signup. */
export const NURTURE_CHOICES = ['hold', 'enter'] as const;
export type NurtureChoice = (typeof NURTURE_CHOICES)[number];

/** What is stored about a row's contact, read before planning (and checked again by the write). */
export interface StoredForImport {
  readonly contact?: Pick<Contact, 'version' | 'stage' | 'consent'>;
  readonly nurture: NurtureState;
  /** Set when the contact was erased on request: an import never brings a person back. */
  readonly erasedAt?: string;
  /** This very row (same file content) was imported before. */
  readonly rowSeen: boolean;
}

export interface ImportSettings {
  readonly importId: string;
  /** The mapping's name, recorded as the activities' source. */
  readonly source: string;
  readonly nurture: NurtureChoice;
  readonly now: Date;
  /** Activities older than this are past the retention period: the table would delete them at once. */
  readonly keepActivitiesSince: string;
}

/** Everything one row writes, in one conditional transaction. */
export interface ImportWrite {
  readonly contactId: string;
  readonly rowId: string;
  readonly importId: string;
  readonly at: string;
  /** The contact's version read; undefined when the contact is new. */
  readonly expectedVersion?: number;
  readonly contact: {
    readonly email: string;
    readonly profile: ImportRow['profile'];
    readonly consent?: Contact['consent'];
    readonly firstTouch?: Contact['firstTouch'];
    readonly stage?: Contact['stage'];
    /** Set on a contact the import creates: its history alone never hands it to sales. */
    readonly importedAt?: string;
  };
  readonly transition?: StageTransition;
  readonly activities: readonly Activity[];
  /** The new nurture state and the version it was read at, when it changes. */
  readonly nurture?: { readonly state: NurtureState; readonly expectedVersion: number };
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'suppressed' | 'refused';

export type RowPlan =
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'refused'; readonly reason: string }
  | { readonly outcome: 'created' | 'updated' | 'suppressed'; readonly write: ImportWrite };

const FORM_BY_ACTIVITY = new Map(
  Object.entries(ACTIVITY_TYPE_BY_FORM).map(([form, type]) => [type, form as FormType]),
);

/** A row's identity: its content in the file under one mapping, so re-running the file finds it again. */
export function rowIdOf(mappingName: string, cells: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([mappingName, cells]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Decides what one valid row does to its contact (pure):
 * - a row already imported, or a contact erased on request, writes nothing;
 * - the profile's non-empty fields are set; consent is kept as stated with its original date,
 *   unless the contact gave a newer one since; a known stage (customer, disqualified) is set with a
 *   transition; the first touch is kept only for a new contact;
 * - historical activities are recorded with their own dates (scored with decay from them);
 * - a suppression is written as SES feedback would write it (a stronger stored one stays), imported
 *   consent counts as confirmed (no double opt-in email), and, unless the importer chose to enrol,
 *   nurture is held until the person engages after the import.
 */
export function planImportRow(
  row: ImportRow,
  contactId: string,
  rowId: string,
  stored: StoredForImport,
  settings: ImportSettings,
): RowPlan {
  if (stored.erasedAt) {
    return {
      outcome: 'refused',
      reason: `the contact was erased on request on ${stored.erasedAt.slice(0, 10)}`,
    };
  }
  if (stored.rowSeen) return { outcome: 'unchanged' };
  const at = settings.now.toISOString();
  const existing = stored.contact;
  const consent =
    row.consent && !(existing?.consent && existing.consent.recordedAt > row.consent.recordedAt)
      ? row.consent
      : undefined;
  const from = existing?.stage ?? 'lead';
  const transition: StageTransition | undefined =
    row.stage && row.stage !== from
      ? { from, to: row.stage, at, by: 'import', reason: `stage ${row.stage} in the imported file` }
      : undefined;
  const activities = row.activities
    .filter((activity) => activity.occurredAt >= settings.keepActivitiesSince)
    .map((activity): Activity => {
      const formType = FORM_BY_ACTIVITY.get(activity.type);
      return {
        activityId: importedActivityId(contactId, activity.type, activity.occurredAt),
        contactId,
        type: activity.type,
        channel: 'import',
        source: settings.source,
        ...(formType ? { formType } : {}),
        occurredAt: activity.occurredAt,
        recordedAt: at,
      };
    });
  const nurture = plannedNurture(stored.nurture, row, settings);
  const newlySuppressed = Boolean(row.suppression && !stored.nurture.suppression);
  return {
    outcome: newlySuppressed ? 'suppressed' : existing ? 'updated' : 'created',
    write: {
      contactId,
      rowId,
      importId: settings.importId,
      at,
      ...(existing ? { expectedVersion: existing.version } : {}),
      contact: {
        email: row.email,
        profile: row.profile,
        ...(consent ? { consent } : {}),
        ...(!existing && row.firstTouch ? { firstTouch: row.firstTouch } : {}),
        ...(transition ? { stage: transition.to } : {}),
        ...(existing ? {} : { importedAt: at }),
      },
      ...(transition ? { transition } : {}),
      activities,
      ...(nurture ? { nurture: { state: nurture, expectedVersion: stored.nurture.version } } : {}),
    },
  };
}

/** Activities of one kind at one time are one activity, whichever file or row brought them. */
export function importedActivityId(contactId: string, type: string, occurredAt: string): string {
  return `a_${createHash('sha256').update(`import\u0000${contactId}\u0000${type}\u0000${occurredAt}`).digest('hex').slice(0, 32)}`;
}

function plannedNurture(
  state: NurtureState,
  row: ImportRow,
  settings: ImportSettings,
): NurtureState | undefined {
  let next = state;
  if (row.suppression && !state.suppression)
    next = suppress(next, row.suppression.reason, row.suppression.at);
  if (row.consent?.granted && row.consent.legalBasis === 'consent' && !next.optIn) {
    // The old tool collected (and, for Mailchimp, confirmed) this consent: asking again would be the storm.
    const { recordedAt } = row.consent;
    next = { ...next, optIn: { status: 'confirmed', requestedAt: recordedAt, confirmedAt: recordedAt } };
  }
  if (settings.nurture === 'hold' && !next.importHold) {
    next = { ...next, importHold: { at: settings.now.toISOString(), importId: settings.importId } };
  }
  return next === state ? undefined : next;
}
