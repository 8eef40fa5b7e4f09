import { beforeEach, describe, expect, it } from 'vitest';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { refreshStaleScores } from '#shared/scoring/refresh-stale-scores.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryAdminViews } from '../../support/in-memory-admin-views.ts';
import { type InMemoryJobs, inMemoryJobs } from '../../support/in-memory-jobs.ts';

const DAY = 86_400_000;
let jobs: InMemoryJobs;
let now: Date;
const scoring = () => ({
  contacts: jobs.contacts,
  events: jobs.events,
  clock: () => now,
  model: defaultScoringModel,
});
const refresh = async () => {
  const outcome = await refreshStaleScores({
    schedule: new InMemoryAdminViews(jobs.contacts),
    jobs: jobs.runtime,
  });
  await jobs.signals.drain(jobs.runtime);
  return outcome;
};

async function aWhitepaperReader(email: string) {
  const { contactId } = await recordFormSubmission(
    { source: 'generic', deliveryId: email, email, submission: { email, formType: 'whitepaper' } },
    scoring(),
  );
  await rescoreContact(contactId, scoring());
  return contactId;
}

describe('refreshStaleScores', () => {
  beforeEach(() => {
    now = NOW;
    jobs = inMemoryJobs({ clock: () => now });
  });

  it('re-scores only the contacts that are due, and schedules them again while they decay', async () => {
    const contactId = await aWhitepaperReader('jane@acme-industries.com');
    const before = jobs.contacts.contacts.get(contactId)?.score?.total ?? 0;
    expect(await refresh()).toEqual({ outcome: 'nothing-due' });

    now = new Date(NOW.getTime() + 7 * DAY);
    expect(await refresh()).toMatchObject({ outcome: 'started', segments: 1, estimate: 1 });
    const after = jobs.contacts.contacts.get(contactId)?.score;
    expect(after?.total).toBeLessThan(before);
    expect(after?.scoredAt).toBe(now.toISOString());
    expect(jobs.contacts.rescoreDueAt.get(contactId)).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
    expect([...jobs.store.jobs.values()][0]).toMatchObject({ status: 'done', done: 1, failed: 0 });
  });

  it('takes a contact off the schedule once nothing is left to decay', async () => {
    const contactId = await aWhitepaperReader('jane@acme-industries.com');
    now = new Date(NOW.getTime() + 400 * DAY);
    await refresh();
    expect(jobs.contacts.rescoreDueAt.has(contactId)).toBe(false);
  });

  it('drains every contact due in one run, however many pieces it takes', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const name of names) await aWhitepaperReader(`${name}@acme-industries.com`);
    now = new Date(NOW.getTime() + 8 * DAY);
    await refresh();
    const [job] = [...jobs.store.jobs.values()];
    expect(job).toMatchObject({ status: 'done', done: names.length, result: { rescored: names.length } });
    const due = [...jobs.contacts.rescoreDueAt.values()];
    expect(due.every((at) => at > now.toISOString())).toBe(true);
  });

  it('does not start a second drain while one is running', async () => {
    await aWhitepaperReader('jane@acme-industries.com');
    now = new Date(NOW.getTime() + 8 * DAY);
    const first = await refreshStaleScores({
      schedule: new InMemoryAdminViews(jobs.contacts),
      jobs: jobs.runtime,
    });
    const second = await refreshStaleScores({
      schedule: new InMemoryAdminViews(jobs.contacts),
      jobs: jobs.runtime,
    });
    expect(second).toEqual({ outcome: 'draining', jobId: (first as { jobId: string }).jobId });
  });

  it('counts a contact that fails with its reason, leaves it due, and re-scores the ones behind it', async () => {
    const failing = await aWhitepaperReader('jane@acme-industries.com');
    const behind = await aWhitepaperReader('zoe@acme-industries.com');
    const failingLoad = jobs.contacts.load.bind(jobs.contacts);
    jobs.contacts.load = async (contactId) => {
      if (contactId === failing) throw new Error('ProvisionedThroughputExceededException');
      return failingLoad(contactId);
    };
    now = new Date(NOW.getTime() + 8 * DAY);
    await refresh();
    const [job] = [...jobs.store.jobs.values()];
    expect(job).toMatchObject({ status: 'done', done: 2, failed: 1 });
    expect(await jobs.store.failures(job?.jobId ?? '', 10)).toEqual([
      expect.objectContaining({ item: failing, reason: 'Error: ProvisionedThroughputExceededException' }),
    ]);
    expect(jobs.contacts.rescoreDueAt.get(failing) ?? 'not due').toMatch(/^2026-03-\d\dT/);
    expect(jobs.contacts.contacts.get(behind)?.score?.scoredAt).toBe(now.toISOString());
  });
});
