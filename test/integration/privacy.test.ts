import { DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { LEADFLOW_SOURCE } from '#events/contract.ts';
import { DEFAULT_ACTIVITY_RETENTION_DAYS } from '#shared/activity/retention.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const answers = { budget: '40k', authority: 'I sign', need: 'lead scoring', timeline: 'Q3' };
const consent = { granted: true, purpose: 'newsletter' };
const person = {
  email: 'margaret@hamilton-apollo.com',
  firstName: 'Margaret',
  lastName: 'Hamilton',
  phone: '+1 617 555 0199',
  company: 'Hamilton Apollo',
};

let pipeline: LocalPipeline;

beforeAll(async () => {
  // Daytime in Paris, so the double opt-in email goes out at once.
  pipeline = await startWithClock(new Date('2026-03-02T09:00:00.000Z'));
});

afterAll(() => stopWithClock(pipeline));

function admin(method: 'GET' | 'DELETE', path: string, token = process.env.LEADFLOW_ADMIN_TOKEN) {
  return pipeline.request(method, path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Every item anywhere in the table that still mentions one of the person's details. */
async function itemsMentioning(values: readonly string[]) {
  return (await pipeline.allItems()).filter((item) => {
    const text = JSON.stringify(item).toLowerCase();
    return values.some((value) => text.includes(value.toLowerCase()));
  });
}

describe('GDPR: export and erasure of a contact', () => {
  const contactId = contactIdFor(person.email);

  beforeAll(async () => {
    expect((await pipeline.postForm({ ...person, formType: 'newsletter', consent })).status).toBe(202);
    await pipeline.settled();
    expect((await pipeline.postForm({ ...person, formType: 'demo', answers, consent })).status).toBe(202);
    await pipeline.settled();
  });

  it('exports everything held on the contact as JSON', async () => {
    const response = await admin('GET', `/admin/contacts/${contactId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${contactId}.json"`);
    const data = response.body;
    expect(data).toMatchObject({
      contactId,
      profile: {
        ...person,
        stage: 'prospect',
        consent: { granted: true },
        score: { total: expect.any(Number) },
      },
      nurture: { optIn: { status: 'pending' } },
    });
    expect(data.activities.map((activity: { type: string }) => activity.type).sort()).toEqual([
      'demo_request',
      'newsletter_signup',
    ]);
    expect(data.transitions).toEqual([expect.objectContaining({ from: 'lead', to: 'prospect' })]);
    expect(data.emails).toEqual([expect.objectContaining({ template: 'subscription-confirmation' })]);
    expect(JSON.stringify(data)).not.toMatch(/"pk"|"sk"|rescoreDue|nurtureQueue/);
  });

  it('erases it all, keeps only the suppression under a hash of the address, and puts "Contact Erased"', async () => {
    expect(await itemsMentioning([person.email, person.lastName, person.phone])).not.toEqual([]);

    const response = await admin('DELETE', `/admin/contacts/${contactId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ contactId, erased: true });
    await pipeline.settled();

    expect(await itemsMentioning([person.email, person.firstName, person.lastName, person.phone])).toEqual(
      [],
    );
    const left = (await pipeline.allItems()).filter((item) => JSON.stringify(item).includes(contactId));
    expect(left).toEqual([
      expect.objectContaining({
        pk: `CONTACT#${contactId}`,
        sk: 'NURTURE',
        suppression: expect.objectContaining({ reason: 'unsubscribed' }),
        erasedAt: response.body.erasedAt,
      }),
    ]);
    const erased = (await pipeline.events('Contact Erased')).filter(
      (event) => event.detail.contactId === contactId,
    );
    expect(erased.map((event) => event.detail)).toEqual([
      { version: 1, contactId, erasedAt: response.body.erasedAt },
    ]);
    expect((await admin('GET', `/admin/contacts/${contactId}/export`)).status).toBe(404);
  });

  it('lets an activity event that raced the erasure go, without a dead letter and without scoring', async () => {
    // As when intake put "Contact Activity Recorded" just before the erasure ran.
    await pipeline.putEvent(LEADFLOW_SOURCE, contactActivityRecorded.detailType, {
      version: 1,
      contactId,
      activityId: 'a_raced_the_erasure',
      activityType: 'page_visited',
      channel: 'web',
      occurredAt: '2026-03-02T09:00:00.000Z',
    });
    await pipeline.settled();
    const letters = (await (
      await fetch(`${pipeline.runtime.urls.gateway}/_local/dead-letters`)
    ).json()) as unknown[];
    expect(letters).toEqual([]);
    expect(await itemsMentioning([person.email])).toEqual([]);
    expect((await pipeline.contactItems(contactId)).map((item) => item.sk)).toEqual(['NURTURE']);
  });

  it('never mails an erased address again, even when it signs up again', async () => {
    const before = (await pipeline.emailsTo(person.email)).length;
    expect((await pipeline.postForm({ ...person, formType: 'newsletter', consent })).status).toBe(202);
    await pipeline.settled();
    expect(await pipeline.emailsTo(person.email)).toHaveLength(before);
    const letters = (await (
      await fetch(`${pipeline.runtime.urls.gateway}/_local/dead-letters`)
    ).json()) as unknown[];
    expect(letters).toEqual([]);
  });

  it('puts "Contact Erased" again with the first erasure time when the request is retried', async () => {
    const first = (await pipeline.events('Contact Erased')).find(
      (event) => event.detail.contactId === contactId,
    );
    const again = await admin('DELETE', `/admin/contacts/${contactId}`);
    expect(again.status).toBe(200);
    expect(again.body.erasedAt).toBe(first?.detail.erasedAt);
    expect(await itemsMentioning([person.email])).toEqual([]);
  });

  it('answers 404 for a contact it does not hold, and 401 without the admin token', async () => {
    const unknown = contactIdFor('nobody@nowhere-corp.com');
    expect((await admin('DELETE', `/admin/contacts/${unknown}`)).status).toBe(404);
    expect((await admin('GET', `/admin/contacts/${unknown}/export`)).status).toBe(404);
    expect((await admin('DELETE', `/admin/contacts/${contactId}`, '')).status).toBe(401);
    expect((await admin('GET', `/admin/contacts/${contactId}/export`, 'wrong-token')).status).toBe(401);
  });
});

describe('retention', () => {
  it('gives every activity an expiry, its time plus the retention, which the table’s TTL enforces', async () => {
    const email = 'barbara@retention-labs.com';
    expect((await pipeline.postForm({ email, formType: 'whitepaper', consent })).status).toBe(202);
    await pipeline.settled();
    const activities = (await pipeline.contactItems(contactIdFor(email))).filter(
      (item) => item.entity === 'activity',
    );
    expect(activities).toHaveLength(1);
    const [activity] = activities;
    expect(activity?.expiresAt).toBe(
      Math.floor(Date.parse(String(activity?.occurredAt)) / 1000) + DEFAULT_ACTIVITY_RETENTION_DAYS * 86_400,
    );
    const client = new DynamoDBClient({
      endpoint: pipeline.runtime.urls.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: pipeline.runtime.tableName }));
      expect(ttl.TimeToLiveDescription).toMatchObject({
        AttributeName: 'expiresAt',
        TimeToLiveStatus: 'ENABLED',
      });
    } finally {
      client.destroy();
    }
  });
});
