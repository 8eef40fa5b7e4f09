import { beforeEach, describe, expect, it } from 'vitest';
import {
  changedJson,
  expectProblem,
  IntakeHarness,
  providerFixture,
} from '../../../support/intake-harness.ts';
import { signedSourceRules } from '../../../support/signed-source-contract.ts';

const example = providerFixture('tally-form-response');
const withFields = (fields: Record<string, unknown>[], formId = 'VwbNEw') =>
  changedJson(example, (payload) => Object.assign(payload.data, { fields, formId }));

signedSourceRules('tally', example, 'WEBHOOK_SECRET_TALLY');

let intake: IntakeHarness;

beforeEach(() => {
  intake = new IntakeHarness();
});

describe('POST /forms/tally', () => {
  it("maps Tally's documented FORM_RESPONSE by label and type, hidden UTM fields included", async () => {
    expect((await intake.signed('tally', example)).status).toBe(202);
    const contact = intake.onlyContact();
    expect(contact).toMatchObject({
      email: 'alice@example.com',
      phone: '+32491223344',
      firstTouch: { utmCampaign: 'newsletter', at: '2023-06-28T15:00:21.000Z' },
    });
    expect(intake.activities()).toEqual([
      expect.objectContaining({ type: 'whitepaper_download', occurredAt: '2023-06-28T15:00:21.000Z' }),
    ]);
    expect(JSON.stringify(contact)).not.toMatch(/Hello|Swimming|Tally_Icon|stripe/);
  });

  it('maps French labels and turns choice ids into their texts', async () => {
    await intake.signed(
      'tally',
      withFields(
        [
          { key: 'question_a', label: 'Prénom', type: 'INPUT_TEXT', value: 'Élodie' },
          { key: 'question_b', label: 'Nom', type: 'INPUT_TEXT', value: 'Durand' },
          { key: 'question_c', label: 'Courriel', type: 'INPUT_TEXT', value: 'elodie@durand-conseil.fr' },
          { key: 'question_d', label: 'Entreprise', type: 'INPUT_TEXT', value: 'Durand Conseil' },
          { key: 'question_e', label: 'Poste', type: 'INPUT_TEXT', value: 'Directrice commerciale' },
          {
            key: 'question_f',
            label: 'Délai',
            type: 'DROPDOWN',
            value: ['opt-2'],
            options: [
              { id: 'opt-1', text: 'Ce mois-ci' },
              { id: 'opt-2', text: 'Ce trimestre' },
            ],
          },
        ],
        'unconfigured',
      ),
    );
    expect(intake.onlyContact()).toMatchObject({
      email: 'elodie@durand-conseil.fr',
      firstName: 'Élodie',
      lastName: 'Durand',
      company: 'Durand Conseil',
      jobTitle: 'Directrice commerciale',
      answers: { timeline: 'Ce trimestre' },
    });
    expect(intake.activities()[0]?.type).toBe('detailed_form');
  });

  it('records a consent checkbox with its label as the purpose', async () => {
    await intake.signed(
      'tally',
      withFields([
        { key: 'question_a', label: 'Email', type: 'INPUT_EMAIL', value: 'alice@example.com' },
        {
          key: 'question_consent',
          label: 'Consent',
          type: 'CHECKBOXES',
          value: ['yes'],
          options: [{ id: 'yes', text: 'I agree to receive product news' }],
        },
      ]),
    );
    expect(intake.onlyContact().consent).toMatchObject({
      granted: true,
      purpose: 'Consent',
      source: 'tally',
    });
  });

  it('answers another event type with 202 and records nothing', async () => {
    const response = await intake.signed(
      'tally',
      JSON.stringify({ ...JSON.parse(example), eventType: 'FORM_DELETED' }),
    );
    expect(response.body.status).toBe('ignored');
    intake.expectNothingWritten();
  });

  it('answers 400 naming the email when the response has none', async () => {
    const response = await intake.signed(
      'tally',
      withFields([{ key: 'question_a', label: 'Text', type: 'INPUT_TEXT', value: 'Hello' }]),
    );
    expectProblem(response, 400, 'invalid-body');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    intake.expectNothingWritten();
  });
});
