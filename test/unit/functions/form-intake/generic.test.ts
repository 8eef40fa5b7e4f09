import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFormIntakeHandler } from '#functions/form-intake/form-intake.ts';
import { SecretNotConfiguredError } from '#shared/adapters/secrets.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { formPostEvent, lambdaContext, signedHeaders, TEST_SECRET } from '../../support/signed-request.ts';

const demoRequest = {
  email: '  Jane.Doe@Acme-Industries.com ',
  formType: 'demo',
  firstName: 'Jane',
  company: 'Acme',
  answers: { budget: '50k€', authority: 'I decide', need: 'lead scoring', timeline: 'this quarter' },
  utm: { source: 'newsletter', campaign: 'spring' },
  consent: { granted: true, purpose: 'product news' },
  unexpected: 'never stored',
};

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
let secret: string | undefined;

const handler = () =>
  createFormIntakeHandler({
    contacts,
    events,
    clock: () => NOW,
    readSecret: async (name) => {
      if (!secret) throw new SecretNotConfiguredError(`${name} not configured`);
      return secret;
    },
  });

async function post(body: string, headers = signedHeaders(body), source = 'generic') {
  const result = (await handler()(
    formPostEvent(source, body, headers),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
}

function nothingWritten() {
  expect(contacts.contacts.size).toBe(0);
  expect(events.published).toHaveLength(0);
}

describe('POST /forms/generic', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    secret = TEST_SECRET;
  });

  it('records a signed submission on one contact and announces the activity', async () => {
    const response = await post(JSON.stringify(demoRequest));
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'accepted', duplicate: false });
    const stored = [...contacts.contacts.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      email: 'jane.doe@acme-industries.com',
      firstName: 'Jane',
      answers: { budget: '50k€', need: 'lead scoring' },
      consent: { granted: true, legalBasis: 'consent', source: 'generic', recordedAt: NOW.toISOString() },
      firstTouch: { utmSource: 'newsletter', utmCampaign: 'spring' },
    });
    expect(JSON.stringify(stored[0])).not.toContain('never stored');
    expect(events.ofType('Contact Activity Recorded')).toEqual([
      expect.objectContaining({ contactId: response.body.contactId, activityType: 'demo_request' }),
    ]);
  });

  it('records a redelivered submission once and answers with the same outcome', async () => {
    const body = JSON.stringify(demoRequest);
    const headers = signedHeaders(body, { id: 'msg_same' });
    const first = await post(body, headers);
    const second = await post(body, signedHeaders(body, { id: 'msg_same' }));
    expect(second.status).toBe(202);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    expect([...contacts.activities.values()].flat()).toHaveLength(1);
  });

  it('refuses a wrong signature with 401 and writes nothing', async () => {
    const body = JSON.stringify(demoRequest);
    const response = await post(
      body,
      signedHeaders(body, {
        secret: `whsec_${Buffer.from('another-secret-0123456789abcdef').toString('base64')}`,
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:leadflow:problem:invalid-signature', status: 401 });
    nothingWritten();
  });

  it('refuses a missing signature and a tampered body', async () => {
    const body = JSON.stringify(demoRequest);
    const { 'webhook-signature': _removed, ...unsigned } = signedHeaders(body);
    expect((await post(body, unsigned)).status).toBe(401);
    expect((await post(body.replace('Jane', 'Joan'), signedHeaders(body))).status).toBe(401);
    nothingWritten();
  });

  it('refuses a replayed delivery older than five minutes', async () => {
    const body = JSON.stringify(demoRequest);
    const response = await post(body, signedHeaders(body, { at: new Date(Date.now() - 6 * 60_000) }));
    expect(response.status).toBe(401);
    nothingWritten();
  });

  it('fails closed when the source has no secret configured', async () => {
    secret = undefined;
    const response = await post(JSON.stringify(demoRequest));
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('urn:leadflow:problem:source-not-configured');
    nothingWritten();
  });

  it('answers 400 with every invalid field named', async () => {
    const response = await post(JSON.stringify({ formType: 'brochure', firstName: 'Jane\r\nBcc: x' }));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'email',
      'firstName',
      'formType',
    ]);
    nothingWritten();
  });

  it('answers 400 for malformed JSON and for an empty body', async () => {
    expect((await post('{"email": ')).body.type).toBe('urn:leadflow:problem:malformed-json');
    expect((await post('', signedHeaders(''))).body.type).toBe('urn:leadflow:problem:empty-body');
    nothingWritten();
  });

  it('answers 422 with the reason for an invalid address', async () => {
    const response = await post(JSON.stringify({ ...demoRequest, email: 'jane@localhost' }));
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
    nothingWritten();
  });

  it('answers 415 for a body that is not JSON', async () => {
    const body = 'email=jane%40acme.com';
    const response = await post(body, {
      ...signedHeaders(body),
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    nothingWritten();
  });

  it('answers 413 for a body over 256 KB', async () => {
    const body = JSON.stringify({ ...demoRequest, padding: 'x'.repeat(256 * 1024) });
    expect((await post(body)).status).toBe(413);
    nothingWritten();
  });

  it('answers 404 for an unknown source', async () => {
    const body = JSON.stringify(demoRequest);
    const response = await post(body, signedHeaders(body), 'hubspot');
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:leadflow:problem:unknown-source');
    nothingWritten();
  });
});
