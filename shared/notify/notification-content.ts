import type { DetailOf } from '#events/contract.ts';
import type { leadReviewRequested } from '#events/lead-review-requested.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import { ACTIVITY_TYPES, type ActivityType } from '#events/vocabulary/activity-type.ts';
import { ANSWER_KEYS, type ScoreLine } from '#events/vocabulary/score.ts';
import type { EmailLocale } from '#shared/nurture/email-locale.ts';
import { NOTICE_WORDS, type NoticeWords, sourceName } from './notice-words.ts';

export type SalesNotice =
  | { readonly kind: 'review-requested'; readonly detail: DetailOf<typeof leadReviewRequested> }
  | { readonly kind: 'prospect-qualified'; readonly detail: DetailOf<typeof prospectQualified> };

/** The hand-off's idempotency key: one review request, or one qualification. */
export function handOffId(notice: SalesNotice): string {
  return notice.kind === 'review-requested' ? notice.detail.reviewRequestId : notice.detail.qualificationId;
}

/** How the team reads its notifications: language, clock, and where the console is. */
export interface NoticeSettings {
  readonly locale: EmailLocale;
  /** An IANA time zone: dates are shown as the team's wall clock shows them. */
  readonly timeZone: string;
  /** The console's address; without it the notifications carry no buttons. */
  readonly consoleUrl?: string;
}

/** A notification's content, the same in an email and a chat message. */
export interface NoticeContent {
  readonly who: string;
  readonly email: string;
  readonly company?: string;
  readonly profile: readonly { readonly label: string; readonly value: string }[];
  readonly reason: string;
  /** What the contact last did, when, and through which tool. */
  readonly trigger?: { readonly activity: string; readonly at: string; readonly source: string };
  readonly score: {
    readonly total: string;
    readonly grade: string;
    readonly fit: string;
    readonly engagement: string;
    readonly qualification: string;
    /** The lines that weigh most, largest first: the score explained at a glance. */
    readonly top: readonly { readonly points: string; readonly reason: string }[];
    /** Lines left out of `top`. */
    readonly more: number;
  };
  readonly answers: readonly { readonly label: string; readonly value: string }[];
  /** How a prospect was qualified: automatically, or accepted by a person. */
  readonly by?: string;
  /** Console pages, opened through sign-in: the contact, and each decision's dialog for a review. */
  readonly links: {
    readonly contact?: string;
    readonly accept?: string;
    readonly reject?: string;
    readonly disqualify?: string;
  };
}

/** How many score lines a notification shows; the console shows them all. */
const TOP_LINES = 3;

/** Builds what a notification says about one hand-off, in the team's language. */
export function noticeContent(notice: SalesNotice, settings: NoticeSettings): NoticeContent {
  const words = NOTICE_WORDS[settings.locale];
  const { detail } = notice;
  const { contact, score } = detail;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const profile = (['jobTitle', 'companySize', 'industry', 'country', 'phone'] as const)
    .map((key) => ({ label: words.profile[key], value: contact[key] }))
    .filter((line): line is { label: string; value: string } => Boolean(line.value));
  const lines = [...score.breakdown].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const contactPage = settings.consoleUrl
    ? `${settings.consoleUrl.replace(/\/+$/, '')}/#/contacts/${encodeURIComponent(contact.contactId)}`
    : undefined;
  const decision = (name: string) => contactPage && `${contactPage}?decide=${name}`;
  const { trigger } = detail;
  return {
    who: name || contact.email,
    email: contact.email,
    company: contact.company,
    profile,
    reason: detail.reason.charAt(0).toUpperCase() + detail.reason.slice(1),
    trigger: trigger && {
      activity: activityName(trigger.type, words),
      at: formatMoment(trigger.at, settings),
      source: sourceName(trigger.source, words),
    },
    score: {
      total: formatNumber(score.total, settings.locale),
      grade: score.grade,
      fit: formatNumber(score.fit, settings.locale),
      engagement: formatNumber(score.engagement, settings.locale),
      qualification: formatNumber(score.qualification, settings.locale),
      top: lines.slice(0, TOP_LINES).map((line) => scoreLine(line, settings.locale)),
      more: Math.max(0, lines.length - TOP_LINES),
    },
    answers: ANSWER_KEYS.filter((key) => detail.answers[key]).map((key) => ({
      label: words.answer[key],
      value: detail.answers[key] ?? '',
    })),
    by:
      notice.kind === 'prospect-qualified'
        ? notice.detail.qualifiedBy.kind === 'auto'
          ? words.qualifiedAutomatically
          : words.acceptedBy(notice.detail.qualifiedBy.id)
        : undefined,
    links:
      notice.kind === 'review-requested'
        ? {
            contact: contactPage,
            accept: decision('accept'),
            reject: decision('reject'),
            disqualify: decision('disqualify'),
          }
        : { contact: contactPage },
  };
}

/** `2026-03-04T09:30:00Z` as the team reads it: "4 Mar 2026, 10:30" in Paris. */
export function formatMoment(iso: string, settings: Pick<NoticeSettings, 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(settings.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  }).format(new Date(iso));
}

function formatNumber(value: number, locale: EmailLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

function scoreLine(line: ScoreLine, locale: EmailLocale) {
  const magnitude = formatNumber(Math.abs(line.points), locale);
  return { points: line.points < 0 ? `−${magnitude}` : `+${magnitude}`, reason: line.reason };
}

function activityName(type: string, words: NoticeWords): string {
  return (ACTIVITY_TYPES as readonly string[]).includes(type) ? words.activity[type as ActivityType] : type;
}
