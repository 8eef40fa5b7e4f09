import { beforeEach, describe, expect, it } from 'vitest';
import { EventContractError } from '#events/contract.ts';
import { createEngagementRecorderHandler } from '#functions/engagement-recorder/engagement-recorder.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { InvalidSignalError } from '#shared/engagement/record-engagement-signal.ts';
import { NOW } from '../../support/builders.ts';
import {
  calendlyBooking,
  crmCall,
  deliveredEvent,
  pageView,
  webinarAttendance,
} from '../../support/engagement-events.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { lambdaContext } from '../../support/signed-request.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;

const deliver = (detailType: string, detail: unknown) =>
  createEngagementRecorderHandler({ contacts, events, clock: () => NOW })(
    deliveredEvent(detailType, detail) as never,
    lambdaContext,
  );

const activitiesOf = (email: string) => contacts.activities.get(contactIdFor(email)) ?? [];

beforeEach(() => {
  contacts = new InMemoryContactRepository();
  events = new RecordingPublisher();
});

describe('engagement recorder', () => {
  it('records a webinar attendance on the attendee, a new contact if need be, at the time they joined', async () => {
    await deliver('Webinar Attended', webinarAttendance);
    expect(activitiesOf('grace@hopper-systems.io')).toEqual([
      expect.objectContaining({
        type: 'webinar_attended',
        channel: 'webinar',
        source: 'zoom',
        occurredAt: '2026-03-01T16:02:11.000Z',
      }),
    ]);
    expect(contacts.contacts.get(contactIdFor('grace@hopper-systems.io'))).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    expect(events.ofType('Contact Activity Recorded')).toEqual([
      expect.objectContaining({ activityType: 'webinar_attended', channel: 'webinar' }),
    ]);
  });

  it('records a redelivered signal once, and announces it again for the scorer', async () => {
    await deliver('Webinar Attended', webinarAttendance);
    await deliver('Webinar Attended', webinarAttendance);
    expect(activitiesOf('grace@hopper-systems.io')).toHaveLength(1);
    expect(events.ofType('Contact Activity Recorded')).toHaveLength(2);
  });

  it('records a booking as a meeting, with its UTM tracking and the answers its questions name', async () => {
    await deliver('Meeting Booked', calendlyBooking);
    const contact = contacts.contacts.get(contactIdFor('linus@torvalds-kernel.org'));
    expect(contact).toMatchObject({
      firstName: 'Linus',
      lastName: 'Benedict Torvalds',
      company: 'Kernel Labs',
      answers: { budget: '20k€' },
      firstTouch: { utmSource: 'newsletter', utmCampaign: 'march' },
    });
    expect(JSON.stringify(contact)).not.toContain('coffee');
    expect(activitiesOf('linus@torvalds-kernel.org')).toEqual([
      expect.objectContaining({ type: 'meeting_booked', channel: 'calendar', source: 'calendly' }),
    ]);
  });

  it('records a CRM interaction with the answers the rep noted, an empty one erasing nothing', async () => {
    await deliver('Sales Interaction Logged', {
      ...crmCall,
      interactionId: 'earlier',
      answers: { need: 'scoring' },
    });
    await deliver('Sales Interaction Logged', crmCall);
    expect(contacts.contacts.get(contactIdFor('ada@lovelace-analytics.com'))).toMatchObject({
      company: 'Lovelace Analytics',
      answers: { budget: '40k€', authority: 'signs off', need: 'scoring', timeline: 'Q3' },
    });
    expect(activitiesOf('ada@lovelace-analytics.com').map((activity) => activity.type)).toEqual([
      'sales_interaction',
      'sales_interaction',
    ]);
  });

  it('keeps who started a CRM interaction, and none when the CRM does not say', async () => {
    await deliver('Sales Interaction Logged', {
      ...crmCall,
      interactionId: 'rep-called',
      direction: 'outbound',
    });
    await deliver('Sales Interaction Logged', crmCall);
    expect(activitiesOf('ada@lovelace-analytics.com').map((activity) => activity.direction)).toEqual([
      'outbound',
      undefined,
    ]);
  });

  it('records a page visit of a known contact, the campaign and outside referrer as its last touch', async () => {
    await deliver('Sales Interaction Logged', crmCall);
    const contactId = contactIdFor('ada@lovelace-analytics.com');
    await deliver('Page Visited', pageView(contactId));
    expect(contacts.contacts.get(contactId)?.lastTouch).toEqual({
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'brand',
      utmTerm: undefined,
      utmContent: undefined,
      referrer: 'https://www.google.com/',
      at: '2026-03-02T09:59:00.000Z',
    });
    expect(contacts.activities.get(contactId)?.map((activity) => activity.type)).toContain('page_visited');
  });

  it('drops a page visit of an unknown contact without storing or announcing anything', async () => {
    await deliver('Page Visited', pageView(contactIdFor('nobody@example.org')));
    await deliver('Page Visited', { ...pageView('c_0'), contact: { email: 'nobody@example.org' } });
    expect(contacts.contacts.size).toBe(0);
    expect(events.published).toEqual([]);
  });

  it('never dates a signal in the future', async () => {
    await deliver('Webinar Attended', {
      ...webinarAttendance,
      participant: { ...webinarAttendance.participant, joinTime: '2099-01-01T00:00:00Z' },
    });
    expect(activitiesOf('grace@hopper-systems.io')[0]?.occurredAt).toBe(NOW.toISOString());
  });

  it('fails an event that breaks its contract, or whose address cannot be a contact, so it is dead-lettered', async () => {
    await expect(deliver('Webinar Attended', { ...webinarAttendance, attendanceId: '' })).rejects.toThrow(
      EventContractError,
    );
    await expect(deliver('Lead Teleported', webinarAttendance)).rejects.toThrow(EventContractError);
    await expect(
      deliver('Webinar Attended', {
        ...webinarAttendance,
        participant: { ...webinarAttendance.participant, email: 'grace@localhost' },
      }),
    ).rejects.toThrow(InvalidSignalError);
    expect(contacts.contacts.size).toBe(0);
  });
});
