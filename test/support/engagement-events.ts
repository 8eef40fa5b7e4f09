import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';

/** An event as EventBridge delivers it to a consumer. */
export function deliveredEvent(detailType: string, detail: unknown, id = `evt-${detailType}`) {
  return {
    version: '0',
    id,
    source: ENGAGEMENT_SOURCE,
    'detail-type': detailType,
    account: '000000000000',
    time: '2026-03-02T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

/** A Zoom participant, as its integration reports one who attended. */
export const webinarAttendance = {
  version: 1,
  platform: 'zoom',
  attendanceId: 'a1b2c3d4-participant-uuid',
  webinar: { id: '85746065432', topic: 'Lead scoring in 30 minutes', startTime: '2026-03-01T16:00:00Z' },
  participant: {
    email: 'Grace@Hopper-Systems.io',
    firstName: 'Grace',
    lastName: 'Hopper',
    joinTime: '2026-03-01T16:02:11Z',
    leaveTime: '2026-03-01T16:47:30Z',
    durationSeconds: 2719,
  },
};

/** A Calendly booking (`invitee.created`), as its integration forwards it. */
export const calendlyBooking = {
  version: 1,
  scheduler: 'calendly',
  bookingId: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA',
  createdAt: '2026-03-02T09:30:00.000000Z',
  invitee: {
    email: 'linus@torvalds-kernel.org',
    name: 'Linus Benedict Torvalds',
    timezone: 'Europe/Helsinki',
  },
  scheduledEvent: { name: 'Product demo', startTime: '2026-03-05T14:00:00.000000Z' },
  tracking: { utmSource: 'newsletter', utmCampaign: 'march' },
  questionsAndAnswers: [
    { question: 'Société', answer: 'Kernel Labs' },
    { question: 'Budget', answer: '20k€' },
    { question: 'Anything else?', answer: 'Bring coffee' },
  ],
};

/** A HubSpot call logged by a rep, with the answers they noted. */
export const crmCall = {
  version: 1,
  crm: 'hubspot',
  interactionId: 'engagement-29137163467',
  type: 'call',
  occurredAt: '2026-03-02T08:15:00Z',
  contact: { email: 'ada@lovelace-analytics.com', company: 'Lovelace Analytics', jobTitle: 'Head of Sales' },
  ownerId: '8745631',
  outcome: 'Connected',
  answers: { budget: '40k€', authority: 'signs off', need: '', timeline: 'Q3' },
};

/** A page view of a contact known by id, as the `/track` beacon puts it. */
export function pageView(contactId: string, messageId = 'bcn_1') {
  return {
    version: 1,
    messageId,
    timestamp: '2026-03-02T09:59:00Z',
    source: 'beacon',
    contact: { contactId },
    page: {
      url: 'https://www.acme-industries.com/pricing',
      title: 'Pricing',
      referrer: 'https://www.google.com/',
    },
    campaign: { source: 'google', medium: 'cpc', name: 'brand' },
  };
}
