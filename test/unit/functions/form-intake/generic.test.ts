import { beforeEach, describe, expect, it } from 'vitest';
import { NOW } from '../../../support/builders.ts';
import { errorFields, expectProblem, IntakeHarness } from '../../../support/intake-harness.ts';
import { signedSourceRules } from '../../../support/signed-source-contract.ts';

const demoRequest = {
  email: '  Jane.Doe@Acme-Industries.com ',
  formType: 'demo',
  firstName: 'Jane',
  company: 'Acme',
  answers: { budget: '50k€', authority: 'I decide', need: 'lead scoring', timeline: 'this quarter' },
  utm: { source: 'newsletter', campaign: 'spring' },
  referrer: 'https://news.example.org/issue-12',
  consent: { granted: true, purpose: 'product news' },
  unexpected: 'never stored',
};
const body = JSON.stringify(demoRequest);

signedSourceRules('generic', body, 'WEBHOOK_SECRET_GENERIC');

let intake: IntakeHarness;

beforeEach(() => {
  intake = new IntakeHarness();
});

describe('POST /forms/generic', () => {
  it('records a signed submission on one contact and announces the activity', async () => {
    const response = await intake.signed('generic', body);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'accepted', duplicate: false });
    const stored = intake.onlyContact();
    expect(stored).toMatchObject({
      email: 'jane.doe@acme-industries.com',
      firstName: 'Jane',
      answers: { budget: '50k€', need: 'lead scoring' },
      consent: { granted: true, legalBasis: 'consent', source: 'generic', recordedAt: NOW.toISOString() },
      firstTouch: {
        utmSource: 'newsletter',
        utmCampaign: 'spring',
        referrer: 'https://news.example.org/issue-12',
      },
    });
    expect(JSON.stringify(stored)).not.toContain('never stored');
    expect(intake.events.ofType('Contact Activity Recorded')).toEqual([
      expect.objectContaining({ contactId: response.body.contactId, activityType: 'demo_request' }),
    ]);
  });

  it('refuses a replayed delivery older than five minutes', async () => {
    const response = await intake.signed('generic', body, { at: new Date(Date.now() - 6 * 60_000) });
    expectProblem(response, 401, 'invalid-signature');
    intake.expectNothingWritten();
  });

  it('answers 400 with every invalid field named', async () => {
    const response = await intake.signed(
      'generic',
      JSON.stringify({ formType: 'brochure', firstName: 'Jane' }),
    );
    expectProblem(response, 400, 'invalid-body');
    expect(errorFields(response)).toEqual(['email', 'formType']);
    intake.expectNothingWritten();
  });

  it('issues a visitor token with the outcome', async () => {
    const response = await intake.signed('generic', body);
    expect(response.body.visitorToken).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('still records when no visitor token secret is configured, without a token', async () => {
    intake.secrets.delete('VISITOR_TOKEN_SECRET');
    const response = await intake.signed('generic', body);
    expect(response.status).toBe(202);
    expect(response.body).not.toHaveProperty('visitorToken');
    expect(intake.activities()).toHaveLength(1);
  });
});
