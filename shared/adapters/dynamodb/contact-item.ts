import type { Activity } from '#shared/activity/activity.ts';
import { activityExpiresAt } from '#shared/activity/retention.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { StageTransition } from '#shared/contact/contact-repository.ts';
import { activityKey, transitionKey } from './keys.ts';

/**
 * Item ⇄ domain mapping. Qualification answers are stored as top-level attributes so a submission
 * can set one answer without reading the contact first (a nested map path would need the map to exist).
 */
export const ANSWER_ATTRIBUTES = {
  budget: 'answerBudget',
  authority: 'answerAuthority',
  need: 'answerNeed',
  timeline: 'answerTimeline',
  goals: 'answerGoals',
  plans: 'answerPlans',
  challenges: 'answerChallenges',
} as const;

/** The reading of an answer given as a mapped form option, beside the answer (`answerBudgetReading`). */
export function readingAttributeOf(answer: keyof typeof ANSWER_ATTRIBUTES): string {
  return `${ANSWER_ATTRIBUTES[answer]}Reading`;
}

function answerReadingsOf(item: Item): Contact['answerReadings'] {
  const readings = Object.fromEntries(
    (Object.keys(ANSWER_ATTRIBUTES) as (keyof typeof ANSWER_ATTRIBUTES)[]).flatMap((answer) => {
      const reading = item[readingAttributeOf(answer)];
      return typeof reading === 'string' ? [[answer, reading]] : [];
    }),
  );
  return Object.keys(readings).length > 0 ? (readings as Contact['answerReadings']) : undefined;
}

export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'country',
  'companySize',
  'industry',
] as const;

type Item = Record<string, unknown>;

export function contactFromItem(item: Item): Contact {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
  return {
    contactId: String(item.contactId),
    email: String(item.email),
    firstName: text('firstName'),
    lastName: text('lastName'),
    company: text('company'),
    jobTitle: text('jobTitle'),
    phone: text('phone'),
    country: text('country'),
    companySize: text('companySize'),
    industry: text('industry'),
    answers: {
      budget: text(ANSWER_ATTRIBUTES.budget),
      authority: text(ANSWER_ATTRIBUTES.authority),
      need: text(ANSWER_ATTRIBUTES.need),
      timeline: text(ANSWER_ATTRIBUTES.timeline),
      goals: text(ANSWER_ATTRIBUTES.goals),
      plans: text(ANSWER_ATTRIBUTES.plans),
      challenges: text(ANSWER_ATTRIBUTES.challenges),
    },
    answerReadings: answerReadingsOf(item),
    consent: item.consent as Contact['consent'],
    firstTouch: item.firstTouch as Contact['firstTouch'],
    lastTouch: item.lastTouch as Contact['lastTouch'],
    interest: item.interest as Contact['interest'],
    stage: item.stage as Contact['stage'],
    score: item.score as Contact['score'],
    qualification: item.qualification as Contact['qualification'],
    review: item.review as Contact['review'],
    recycledAt: text('recycledAt'),
    importedAt: text('importedAt'),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    version: Number(item.version ?? 0),
  };
}

export function activityFromItem(item: Item): Activity {
  return {
    activityId: String(item.activityId),
    contactId: String(item.contactId),
    type: item.type as Activity['type'],
    channel: String(item.channel),
    source: String(item.source),
    formType: item.formType as Activity['formType'],
    page: typeof item.page === 'string' ? item.page : undefined,
    pageCategory: typeof item.pageCategory === 'string' ? item.pageCategory : undefined,
    occurredAt: String(item.occurredAt),
    recordedAt: String(item.recordedAt),
  };
}

/** An activity's item, which the table's TTL removes `retentionDays` after it happened. */
export function activityItem(activity: Activity, retentionDays: number): Item {
  return {
    ...activityKey(activity.contactId, activity.activityId),
    entity: 'activity',
    ...activity,
    expiresAt: activityExpiresAt(activity.occurredAt, retentionDays),
  };
}

export function transitionItem(contactId: string, transition: StageTransition): Item {
  return {
    ...transitionKey(contactId, transition.at, transition.to),
    entity: 'transition',
    contactId,
    ...transition,
  };
}
