import { beforeEach, describe, expect, it } from 'vitest';
import {
  changedJson,
  expectProblem,
  IntakeHarness,
  providerFixture,
} from '../../../support/intake-harness.ts';
import { signedSourceRules } from '../../../support/signed-source-contract.ts';

const example = providerFixture('webflow-form-submission');
const withPayload = (change: (payload: any) => void) =>
  changedJson(example, (webhook) => change(webhook.payload));

signedSourceRules('webflow', example, 'WEBHOOK_SECRET_WEBFLOW');

let intake: IntakeHarness;

beforeEach(() => {
  intake = new IntakeHarness();
});

describe('POST /forms/webflow', () => {
  it("maps Webflow's documented form_submission by field name, the form configured by name", async () => {
    expect((await intake.signed('webflow', example)).status).toBe(202);
    expect(intake.onlyContact()).toMatchObject({
      email: 'zaphod@heartofgold.ai',
      firstName: 'Zaphod',
      lastName: 'Beeblebrox',
      phone: '15550000000',
    });
    expect(intake.activities()).toEqual([
      expect.objectContaining({
        type: 'demo_request',
        source: 'webflow',
        occurredAt: '2022-09-14T12:35:16.117Z',
      }),
    ]);
  });

  it('refuses a delivery signed more than five minutes ago, and one from the future', async () => {
    const stale = await intake.signed('webflow', example, {
      at: new Date(intake.now.getTime() - 5 * 60_000 - 1),
    });
    const early = await intake.signed('webflow', example, {
      at: new Date(intake.now.getTime() + 6 * 60_000),
    });
    expectProblem(stale, 401, 'invalid-signature');
    expectProblem(early, 401, 'invalid-signature');
    intake.expectNothingWritten();
  });

  it('accepts a delivery signed just within the window', async () => {
    const response = await intake.signed('webflow', example, {
      at: new Date(intake.now.getTime() - 4 * 60_000),
    });
    expect(response.status).toBe(202);
  });

  it("reads UTM parameters from the form page's address, and Webflow's numbered duplicate names", async () => {
    await intake.signed(
      'webflow',
      withPayload((payload) => {
        payload.data = { 'Email 2': 'ford@heartofgold.ai', Name: 'Ford Prefect' };
        payload.pageUrl = 'https://www.heartofgold.ai/pricing?utm_source=google&utm_medium=cpc';
      }),
    );
    expect(intake.onlyContact()).toMatchObject({
      email: 'ford@heartofgold.ai',
      firstName: 'Ford',
      lastName: 'Prefect',
      firstTouch: { utmSource: 'google', utmMedium: 'cpc' },
    });
  });

  it('answers another trigger with 202 and records nothing', async () => {
    const body = JSON.stringify({ ...JSON.parse(example), triggerType: 'site_publish' });
    expect((await intake.signed('webflow', body)).body.status).toBe('ignored');
    intake.expectNothingWritten();
  });
});
