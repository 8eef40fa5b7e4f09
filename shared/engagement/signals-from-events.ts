import type { EventBridgeEvent } from 'aws-lambda';
import { EventContractError, parseDetail } from '#events/contract.ts';
import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';
import { meetingBooked } from '#events/meeting-booked.ts';
import { pageVisited } from '#events/page-visited.ts';
import { salesInteractionLogged } from '#events/sales-interaction-logged.ts';
import { webinarAttended } from '#events/webinar-attended.ts';
import { defaultFieldFor } from '#shared/intake/mapping/field-names.ts';
import type { EngagementSignal } from './engagement-signal.ts';

type IncomingEvent = Pick<EventBridgeEvent<string, unknown>, 'source' | 'detail-type' | 'detail'>;

/** One reader per contract: checks the detail against its schema, then says what it means for a contact. */
const READERS: Readonly<Record<string, (event: IncomingEvent) => EngagementSignal>> = {
  [webinarAttended.detailType]: (event) => {
    const detail = parseDetail(webinarAttended, event);
    const { email, joinTime, leaveTime: _leave, durationSeconds: _duration, ...profile } = detail.participant;
    return {
      type: 'webinar_attended',
      channel: 'webinar',
      source: detail.platform,
      signalId: detail.attendanceId,
      occurredAt: joinTime,
      who: { email },
      knownContactOnly: false,
      profile,
    };
  },
  [meetingBooked.detailType]: (event) => {
    const detail = parseDetail(meetingBooked, event);
    const { email, name, timezone: _timezone, ...profile } = detail.invitee;
    const [first, ...rest] = name?.split(/\s+/) ?? [];
    const fromQuestions = answersOf(detail.questionsAndAnswers ?? []);
    const { utmSource, utmMedium, utmCampaign, utmTerm, utmContent } = detail.tracking ?? {};
    const tracked = [utmSource, utmMedium, utmCampaign, utmTerm, utmContent].some(Boolean);
    return {
      type: 'meeting_booked',
      channel: 'calendar',
      source: detail.scheduler,
      signalId: detail.bookingId,
      occurredAt: detail.createdAt,
      who: { email },
      knownContactOnly: false,
      profile: {
        firstName: profile.firstName ?? first,
        lastName: profile.lastName ?? (rest.length > 0 ? rest.join(' ') : undefined),
        company: profile.company ?? fromQuestions.profile.company,
        jobTitle: profile.jobTitle ?? fromQuestions.profile.jobTitle,
        phone: profile.phone ?? fromQuestions.profile.phone,
      },
      answers: fromQuestions.answers,
      touch: tracked ? { utmSource, utmMedium, utmCampaign, utmTerm, utmContent } : undefined,
    };
  },
  [salesInteractionLogged.detailType]: (event) => {
    const detail = parseDetail(salesInteractionLogged, event);
    const { email, ...profile } = detail.contact;
    return {
      type: 'sales_interaction',
      channel: 'crm',
      source: detail.crm,
      signalId: detail.interactionId,
      occurredAt: detail.occurredAt,
      who: { email },
      knownContactOnly: false,
      direction: detail.direction,
      profile,
      answers: detail.answers,
    };
  },
  [pageVisited.detailType]: (event) => {
    const detail = parseDetail(pageVisited, event);
    const { campaign, page } = detail;
    const external = page.referrer && new URL(page.referrer).host !== new URL(page.url).host;
    return {
      type: 'page_visited',
      channel: 'website',
      source: detail.source,
      signalId: detail.messageId,
      occurredAt: detail.timestamp,
      who: detail.contact,
      knownContactOnly: true,
      touch:
        campaign || external
          ? {
              utmSource: campaign?.source,
              utmMedium: campaign?.medium,
              utmCampaign: campaign?.name,
              utmTerm: campaign?.term,
              utmContent: campaign?.content,
              referrer: external ? page.referrer : undefined,
            }
          : undefined,
    };
  },
};

/** The detail-types the engagement recorder consumes, for its rule. */
export const ENGAGEMENT_DETAIL_TYPES: readonly string[] = Object.keys(READERS);

/** The EventBridge pattern of every engagement signal. */
export const engagementSignalsPattern = {
  source: [ENGAGEMENT_SOURCE],
  'detail-type': [...ENGAGEMENT_DETAIL_TYPES],
} as const;

/** Reads a delivered event as a signal; an event of another type is a wiring error, not a retry. */
export function engagementSignalFrom(event: IncomingEvent): EngagementSignal {
  const read = Object.hasOwn(READERS, event['detail-type']) ? READERS[event['detail-type']] : undefined;
  if (!read) {
    throw new EventContractError(
      `No engagement signal is read from "${String(event['detail-type'])}" events.`,
    );
  }
  return read(event);
}

/** Booking questions named like a profile field or a qualification answer ("Budget", "Société"…). */
function answersOf(questions: readonly { question: string; answer: string }[]) {
  const found = new Map<string, string>();
  for (const { question, answer } of questions) {
    const field = defaultFieldFor(question);
    if (field && answer.trim() !== '' && !found.has(field)) found.set(field, answer);
  }
  return {
    profile: { company: found.get('company'), jobTitle: found.get('jobTitle'), phone: found.get('phone') },
    answers: {
      budget: found.get('answers.budget'),
      authority: found.get('answers.authority'),
      need: found.get('answers.need'),
      timeline: found.get('answers.timeline'),
    },
  };
}
