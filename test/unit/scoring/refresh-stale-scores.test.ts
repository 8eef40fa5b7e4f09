import { beforeEach, describe, expect, it } from 'vitest';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { refreshStaleScores } from '#shared/scoring/refresh-stale-scores.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryAdminViews } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

const DAY = 86_400_000;
let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
let now: Date;
const deps = (batchSize = 10) => ({
  contacts,
  events,
  clock: () => now,
  model: defaultScoringModel,
  schedule: new InMemoryAdminViews(contacts),
  batchSize,
});

async function aWhitepaperReader(email: string) {
  const { contactId } = await recordFormSubmission(
    { source: 'generic', deliveryId: email, email, submission: { email, formType: 'whitepaper' } },
    deps(),
  );
  await rescoreContact(contactId, deps());
  return contactId;
}

describe('refreshStaleScores', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    now = NOW;
  });

  it('re-scores only the contacts that are due, and schedules them again while they decay', async () => {
    const contactId = await aWhitepaperReader('jane@acme-industries.com');
    const before = contacts.contacts.get(contactId)?.score?.total ?? 0;
    expect(await refreshStaleScores(deps())).toEqual({ due: 0, rescored: 0, failed: 0, more: false });

    now = new Date(NOW.getTime() + 7 * DAY);
    expect(await refreshStaleScores(deps())).toEqual({ due: 1, rescored: 1, failed: 0, more: false });
    const after = contacts.contacts.get(contactId)?.score;
    expect(after?.total).toBeLessThan(before);
    expect(after?.scoredAt).toBe(now.toISOString());
    expect(contacts.rescoreDueAt.get(contactId)).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
  });

  it('takes a contact off the schedule once nothing is left to decay', async () => {
    const contactId = await aWhitepaperReader('jane@acme-industries.com');
    now = new Date(NOW.getTime() + 400 * DAY);
    await refreshStaleScores(deps());
    expect(contacts.rescoreDueAt.has(contactId)).toBe(false);
  });

  it('bounds a run by the batch size and says more may be due', async () => {
    for (const name of ['a', 'b', 'c']) await aWhitepaperReader(`${name}@acme-industries.com`);
    now = new Date(NOW.getTime() + 8 * DAY);
    expect(await refreshStaleScores(deps(2))).toEqual({ due: 2, rescored: 2, failed: 0, more: true });
    expect(await refreshStaleScores(deps(2))).toEqual({ due: 1, rescored: 1, failed: 0, more: false });
  });

  it('counts a contact that fails and leaves it on the schedule for the next run', async () => {
    const contactId = await aWhitepaperReader('jane@acme-industries.com');
    contacts.contacts.delete(contactId);
    now = new Date(NOW.getTime() + 8 * DAY);
    expect(await refreshStaleScores(deps())).toMatchObject({ rescored: 0, failed: 1 });
    expect(contacts.rescoreDueAt.has(contactId)).toBe(true);
  });
});
