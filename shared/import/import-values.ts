import type { SuppressionReason } from '#shared/nurture/nurture-state.ts';
import { foldHeader } from './column-mapping.ts';

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date as export tools write it: ISO 8601 with or without a time, `T` or a space between, a zone
 * or none (UTC then, as Mailchimp, Mautic and Salesforce exports are). Day-first and month-first
 * dates (05/06/2024) are refused: nothing in the file says which one is meant. Never in the future.
 */
export function parseImportDate(text: string, now: Date): Parsed<string> {
  const match = ISO_DATE.exec(text.trim());
  if (!match) {
    return { ok: false, reason: 'is not a date: write it as 2024-05-14 or 2024-05-14 10:30:00 (ISO 8601)' };
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone = 'Z'] = match;
  const offset = /^(Z|UTC)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`;
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const time = Date.parse(iso);
  if (
    calendarDay.getUTCMonth() !== Number(month) - 1 ||
    calendarDay.getUTCDate() !== Number(day) ||
    !Number.isFinite(time)
  ) {
    return { ok: false, reason: 'is not a calendar date' };
  }
  if (time > now.getTime()) return { ok: false, reason: 'is in the future' };
  return { ok: true, value: new Date(time).toISOString() };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'optedin', 'optin', 'granted', 'subscribed']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'optedout', 'optout', 'denied', 'notgranted']);

export function parseYesNo(text: string): Parsed<boolean> {
  const folded = foldHeader(text);
  if (YES.has(folded)) return { ok: true, value: true };
  if (NO.has(folded)) return { ok: true, value: false };
  return { ok: false, reason: 'must be yes or no (or true/false, 1/0)' };
}

const SUPPRESSION_WORDS: Readonly<Record<string, SuppressionReason | null>> = {
  unsubscribed: 'unsubscribed',
  unsubscribe: 'unsubscribed',
  optedout: 'unsubscribed',
  bounced: 'hard-bounce',
  hardbounce: 'hard-bounce',
  cleaned: 'hard-bounce',
  complained: 'complaint',
  complaint: 'complaint',
  spam: 'complaint',
  subscribed: null,
  active: null,
  none: null,
};

/** A suppression status in the words tools use (Mailchimp's `cleaned` is a hard bounce); null for none. */
export function parseSuppression(text: string): Parsed<SuppressionReason | null> {
  const word = SUPPRESSION_WORDS[foldHeader(text)];
  if (word === undefined)
    return { ok: false, reason: 'must be unsubscribed, bounced or complained (or empty)' };
  return { ok: true, value: word };
}

/** Of two reasons to stop mailing, the one that says most: a complaint, then a bounce, then an unsubscribe. */
export function strongerSuppression(
  a: SuppressionReason | undefined,
  b: SuppressionReason | undefined,
): SuppressionReason | undefined {
  const order: readonly (SuppressionReason | undefined)[] = [
    undefined,
    'unsubscribed',
    'hard-bounce',
    'complaint',
  ];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
