import { beforeEach, describe, expect, it } from 'vitest';
import {
  changedJson,
  expectProblem,
  IntakeHarness,
  providerFixture,
} from '../../../support/intake-harness.ts';
import { signedSourceRules } from '../../../support/signed-source-contract.ts';

const example = providerFixture('typeform-form-response');
const withResponse = (change: (response: any) => void) =>
  changedJson(example, (payload) => change(payload.form_response));

signedSourceRules('typeform', example, 'WEBHOOK_SECRET_TYPEFORM');

let intake: IntakeHarness;

beforeEach(() => {
  intake = new IntakeHarness();
});

describe('POST /forms/typeform', () => {
  it("maps Typeform's documented form_response: email by answer type, the rest by configured ref", async () => {
    const response = await intake.signed('typeform', example);
    expect(response.status).toBe(202);
    const contact = intake.onlyContact();
    expect(contact).toMatchObject({
      email: 'laura@example.com',
      firstName: 'Laura',
      answers: { need: expect.stringMatching(/^It's cold right now!/) },
      consent: {
        granted: true,
        legalBasis: 'consent',
        source: 'typeform',
        purpose: expect.stringMatching(/^By submitting this form, you understand and accept/),
        recordedAt: '2018-01-18T18:17:02.000Z',
      },
    });
    expect(intake.activities()).toEqual([
      expect.objectContaining({
        type: 'webinar_registration',
        source: 'typeform',
        occurredAt: '2018-01-18T18:17:02.000Z',
      }),
    ]);
    expect(JSON.stringify(contact)).not.toMatch(/London|Sydney|abc123456|calendly/);
  });

  it('keys idempotency on the response token, not on the delivery', async () => {
    const first = await intake.signed('typeform', example);
    const resent = await intake.signed('typeform', example.replace('"LtWXD3crgy"', '"another-event-id"'));
    expect(resent.body).toMatchObject({ duplicate: true, activityId: first.body.activityId });
  });

  it('takes UTM parameters and the form type from hidden fields', async () => {
    const body = withResponse((response) => {
      response.hidden = { utm_source: 'linkedin', utm_campaign: 'q3-launch', form_type: 'demo' };
    });
    await intake.signed('typeform', body);
    expect(intake.onlyContact().firstTouch).toMatchObject({
      utmSource: 'linkedin',
      utmCampaign: 'q3-launch',
    });
    expect(intake.activities()[0]?.type).toBe('demo_request');
  });

  it("uses the source's default form type and common field refs for a form that is not configured", async () => {
    const body = withResponse((response) => {
      response.form_id = 'unconfigured';
      response.definition.fields[2].ref = 'prenom';
    });
    await intake.signed('typeform', body);
    expect(intake.onlyContact()).toMatchObject({ firstName: 'Laura' });
    expect(intake.onlyContact().consent).toBeUndefined();
    expect(intake.activities()[0]?.type).toBe('detailed_form');
  });

  it('answers another event type with 202 and records nothing', async () => {
    const body = JSON.stringify({ ...JSON.parse(example), event_type: 'form_response_partial' });
    const response = await intake.signed('typeform', body);
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('ignored');
    intake.expectNothingWritten();
  });

  it('answers 400 naming the email when the response has none', async () => {
    const body = withResponse((response) => {
      response.answers = response.answers.filter((answer: { type: string }) => answer.type !== 'email');
    });
    const response = await intake.signed('typeform', body);
    expectProblem(response, 400, 'invalid-body');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    intake.expectNothingWritten();
  });

  it('answers 400 for a payload that is not a form_response webhook', async () => {
    const response = await intake.signed('typeform', JSON.stringify({ hello: 'world' }));
    expectProblem(response, 400, 'invalid-body');
    intake.expectNothingWritten();
  });
});
