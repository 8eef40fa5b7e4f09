import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';
import { salesInteractionLogged } from '#events/sales-interaction-logged.ts';
import { sesAccountAnswer } from '#infra/local/ses/ses-local.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * The hand-off loop end to end on the local runtime: a prospect gets an owner by territory, the
 * owner a deadline in their business hours, a reminder before it, their team lead an escalation
 * after it, and the first logged sales interaction closes it. Faking Date moves every function's clock.
 */
const SALES = 'sales@seller.example';
const HUGO = 'hugo.martin@seller.example';
const LENA = 'lena.schmidt@seller.example';
const CLAIRE = 'claire.dubois@seller.example';
const consent = { granted: true, purpose: 'product news' };
const bant = { budget: '30k', authority: 'I sign', need: 'routing', timeline: 'this quarter' };

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await LocalPipeline.start({
    env: {
      LEADFLOW_SALES_NOTIFY: SALES,
      AWS_SES_ACCOUNT: sesAccountAnswer({ max24HourSend: 50_000, maxSendRate: 50 }),
    },
  });
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterAll(async () => {
  vi.useRealTimers();
  await pipeline?.stop();
});

async function atTime(iso: string, act: () => Promise<unknown>): Promise<void> {
  vi.setSystemTime(new Date(iso));
  await act();
  await pipeline.settled();
}

const subjectsTo = async (address: string) => (await pipeline.emailsTo(address)).map((mail) => mail.subject);

describe('follow-ups on the local runtime', () => {
  it('qualify → owner assigned → reminder → escalation → first touch closes it', async () => {
    const email = 'amelie@atelier-lumiere.fr';
    const contactId = contactIdFor(email);
    // Monday 1 June 2026, 10:00 in Paris.
    await atTime('2026-06-01T08:00:00Z', () =>
      pipeline.postForm({
        email,
        formType: 'demo',
        firstName: 'Amélie',
        company: 'Atelier Lumière',
        jobTitle: 'Directrice commerciale',
        country: 'France',
        companySize: '80',
        answers: bant,
        consent,
      }),
    );
    const [qualified] = await pipeline.events('Prospect Qualified');
    expect(qualified?.detail.owner).toEqual({
      id: 'hugo-martin',
      name: 'Hugo Martin',
      email: HUGO,
      team: 'emea',
    });
    // The owner is told, the team copied.
    expect(await subjectsTo(HUGO)).toEqual([
      expect.stringMatching(/^Prospect qualified: Amélie \(Atelier Lumière\)/),
    ]);
    expect(await subjectsTo(SALES)).toHaveLength(1);

    // One business day in Hugo's Paris calendar (09:00–18:00): due Tuesday 10:00, reminded at 09:00.
    await atTime('2026-06-01T15:00:00Z', () => pipeline.notifyFollowUps());
    expect(await subjectsTo(HUGO)).toHaveLength(1);
    await atTime('2026-06-02T07:10:00Z', () => pipeline.notifyFollowUps());
    await atTime('2026-06-02T07:20:00Z', () => pipeline.notifyFollowUps());
    const reminders = (await subjectsTo(HUGO)).filter((subject) => subject.startsWith('Rappel'));
    // Hugo reads French (his routing entry says so), once however often the schedule runs.
    expect(reminders).toEqual([expect.stringMatching(/^Rappel : contactez Amélie avant le 2 juin 2026/)]);
    expect(await subjectsTo(CLAIRE)).toEqual([]);

    await atTime('2026-06-02T08:05:00Z', () => pipeline.notifyFollowUps());
    await atTime('2026-06-02T08:20:00Z', () => pipeline.notifyFollowUps());
    const escalations = await pipeline.emailsTo(CLAIRE);
    expect(escalations.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^En retard : Amélie n’a pas été contacté à temps par Hugo Martin/),
    ]);
    expect(escalations[0]?.body.text).toContain(`/#/contacts/${contactId}`);
    const overdue = await pipeline.admin('GET', '/admin/follow-ups');
    expect(overdue.body.followUps).toEqual([
      expect.objectContaining({ contactId, kind: 'first-touch', owner: 'Hugo Martin', overdue: true }),
    ]);

    // Hugo calls her: the CRM reports it, and the follow-up is closed.
    await atTime('2026-06-02T09:00:00Z', () =>
      pipeline.putEvent(ENGAGEMENT_SOURCE, salesInteractionLogged.detailType, {
        version: 1,
        crm: 'hubspot',
        interactionId: 'call-4711',
        type: 'call',
        occurredAt: '2026-06-02T09:00:00Z',
        contact: { email },
      }),
    );
    expect((await pipeline.admin('GET', '/admin/follow-ups')).body.followUps).toEqual([]);
    await atTime('2026-06-03T09:00:00Z', () => pipeline.notifyFollowUps());
    expect(await pipeline.emailsTo(CLAIRE)).toHaveLength(1);
  });

  it('closes a review follow-up when the review is decided, before any reminder', async () => {
    const email = 'bernd@bauer-logistik.de';
    const contactId = contactIdFor(email);
    await atTime('2026-06-08T07:00:00Z', () =>
      pipeline.postForm({
        email,
        formType: 'demo',
        firstName: 'Bernd',
        company: 'Bauer',
        country: 'DE',
        consent,
      }),
    );
    // The next member of the EMEA team in turn.
    const [requested] = await pipeline.events('Lead Review Requested');
    expect(requested?.detail.owner).toMatchObject({ id: 'lena-schmidt' });
    await atTime('2026-06-08T08:00:00Z', () =>
      pipeline.admin('POST', `/admin/reviews/${contactId}`, { decision: 'accept', reviewer: LENA }),
    );
    const open = (await pipeline.admin('GET', '/admin/follow-ups')).body.followUps;
    expect(open).toEqual([
      expect.objectContaining({ contactId, kind: 'first-touch', owner: 'Lena Schmidt' }),
    ]);
    await atTime('2026-06-08T11:00:00Z', () => pipeline.notifyFollowUps());
    expect((await subjectsTo(LENA)).filter((subject) => /Reminder|review/i.test(subject))).toEqual([
      expect.stringMatching(/^Review requested: Bernd/),
    ]);
  });
});
