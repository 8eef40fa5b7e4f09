import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Utm } from '#shared/activity/utm.ts';
import type { FieldTarget, FormSettings } from '../forms-config.ts';
import { type CanonicalField, defaultFieldFor, normalizeFieldName } from './field-names.ts';

/** A value as providers send it: text, a number, a box ticked or not, or the labels of choices. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** One submitted field, as a source extracted it from its provider's payload. */
export interface SubmittedField {
  /** The identifiers the provider gives it, most specific first: key, ref or id, then label. */
  readonly names: readonly string[];
  readonly value: FieldValue;
  /** The question as people read it (Typeform title, Tally label), used as the consent purpose. */
  readonly label?: string;
  /** What the provider says the input holds, for fields whose names say nothing (`question_3EKz4n`). */
  readonly kind?: 'email' | 'phone';
}

/** What decides where each field goes: the form's own settings, then the source's default form type. */
export interface MappingRules {
  readonly form?: FormSettings;
  readonly defaultFormType: FormType;
}

/** Attribution the source knows besides the fields (the page a form was posted from). */
export interface PageContext {
  readonly referrer?: string;
  readonly utm?: Utm;
}

const CONSENT_REFUSED = new Set(['', 'false', 'off', 'no', 'non', 'n', '0', 'unchecked', 'declined']);

/**
 * Turns provider fields into the canonical submission shape (still unvalidated: the caller checks it
 * with `formSubmissionSchema`). Each field goes where the form's mapping says, else where its common
 * name says (English or French), else where its input kind says; the first non-empty value for a
 * contact field wins. Fields that map nowhere are dropped here, so they can never be stored.
 */
export function draftSubmission(
  fields: readonly SubmittedField[],
  rules: MappingRules,
  page: PageContext = {},
): Record<string, unknown> {
  const overrides = overridesOf(rules.form);
  const chosen = new Map<CanonicalField, SubmittedField>();
  for (const field of fields) {
    const target = targetOf(field, overrides);
    if (!target || target === 'ignore' || chosen.has(target)) continue;
    if (target !== 'consent' && textOf(field.value) === undefined) continue;
    chosen.set(target, field);
  }
  const text = (target: CanonicalField) => {
    const field = chosen.get(target);
    return field && textOf(field.value);
  };

  const [firstFromFull, lastFromFull] = splitFullName(text('fullName'));
  const hasName = text('firstName') !== undefined || text('lastName') !== undefined;
  const utm = definedEntries({
    source: text('utm.source'),
    medium: text('utm.medium'),
    campaign: text('utm.campaign'),
    term: text('utm.term'),
    content: text('utm.content'),
  });
  const answers = definedEntries({
    budget: text('answers.budget'),
    authority: text('answers.authority'),
    need: text('answers.need'),
    timeline: text('answers.timeline'),
  });
  return {
    email: text('email'),
    formType: text('formType') ?? rules.form?.formType ?? rules.defaultFormType,
    firstName: hasName ? text('firstName') : firstFromFull,
    lastName: hasName ? text('lastName') : lastFromFull,
    company: text('company'),
    jobTitle: text('jobTitle'),
    phone: text('phone'),
    country: text('country'),
    submissionId: text('submissionId'),
    consent: consentOf(chosen.get('consent'), rules.form),
    utm: utm ?? page.utm,
    referrer: text('referrer') ?? page.referrer,
    answers,
    answerReadings: answers && readingsOf(answers, rules.form),
  };
}

/** The reading of each answer that is one of the form's mapped options (see `answerOptions`). */
function readingsOf(answers: Readonly<Record<string, string | undefined>>, form: FormSettings | undefined) {
  const options = form?.answerOptions ?? {};
  const readings: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(answers)) {
    const mapped = options[key as keyof typeof options];
    if (!mapped || value === undefined) continue;
    const wanted = value.trim().toLowerCase();
    readings[key] = Object.entries(mapped).find(([option]) => option.trim().toLowerCase() === wanted)?.[1];
  }
  return definedEntries(readings);
}

function overridesOf(form: FormSettings | undefined): Map<string, FieldTarget> {
  const overrides = new Map<string, FieldTarget>();
  for (const [name, target] of Object.entries(form?.fields ?? {})) {
    overrides.set(name, target);
    overrides.set(normalizeFieldName(name), target);
  }
  if (form?.consent?.field) overrides.set(form.consent.field, 'consent');
  return overrides;
}

function targetOf(field: SubmittedField, overrides: Map<string, FieldTarget>): FieldTarget | undefined {
  for (const name of field.names) {
    const target = overrides.get(name) ?? overrides.get(normalizeFieldName(name));
    if (target) return target;
  }
  for (const name of field.names) {
    const target = defaultFieldFor(name);
    if (target) return target;
  }
  return field.kind;
}

/**
 * Consent as the form states it: the box ticked or not, with the form's wording and legal basis.
 * A form whose settings name a consent field records a refusal when the box is absent.
 */
function consentOf(field: SubmittedField | undefined, form: FormSettings | undefined) {
  if (!field && !form?.consent?.field) return undefined;
  const value = field?.value;
  const granted = Array.isArray(value)
    ? value.length > 0
    : value !== undefined && value !== null && !CONSENT_REFUSED.has(String(value).trim().toLowerCase());
  const purpose = form?.consent?.purpose ?? field?.label?.trim().slice(0, 300);
  return definedEntries({ granted, purpose: purpose || undefined, legalBasis: form?.consent?.legalBasis });
}

/** Text of a value, or undefined when it says nothing (empty, null). */
function textOf(value: FieldValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.trim() === '' ? undefined : text;
}

/** "Ada King Lovelace" → first name "Ada", last name "King Lovelace"; one word is a first name. */
function splitFullName(fullName: string | undefined): [string | undefined, string | undefined] {
  const words = fullName?.trim().split(/\s+/) ?? [];
  if (words.length === 0) return [undefined, undefined];
  return [words[0], words.length > 1 ? words.slice(1).join(' ') : undefined];
}

/** The object without its undefined members, or undefined when none is left. */
function definedEntries<T extends Record<string, unknown>>(value: T): Partial<T> | undefined {
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}
