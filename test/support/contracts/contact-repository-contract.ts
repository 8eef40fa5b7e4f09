import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord, ContactRepository } from '#shared/contact/contact-repository.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { anActivity, NOW } from '../builders.ts';

const business = { domain: 'acme-industries.com', freeMail: false, disposable: false };

/**
 * What every ContactRepository keeps, the in-memory fake of the unit tests and the DynamoDB adapter
 * alike: an activity recorded once by its id, the contact created by its first activity and loaded
 * with its history, and a score saved only on the version it was computed from (the optimistic
 * write that keeps concurrent scorers from losing one another's work).
 */
export function contactRepositoryContract(
  name: string,
  newRepository: () => Promise<ContactRepository>,
): void {
  const record = (contactId: string, activityId: string): ActivityRecord => ({
    contactId,
    profile: { email: `jane.${contactId}@acme-industries.com`, company: 'Acme' },
    answers: { budget: '40k' },
    activity: {
      ...anActivity('whitepaper_download', NOW.toISOString(), 'whitepaper'),
      activityId,
      contactId,
    },
  });

  describe(`${name} keeps the contact repository's contract`, () => {
    it('records an activity once, and creates the contact from its first one', async () => {
      const contacts = await newRepository();
      const contactId = `c_${randomUUID()}`;
      expect(await contacts.load(contactId)).toBeUndefined();
      expect(await contacts.recordActivity(record(contactId, 'a_1'))).toBe('recorded');
      expect(await contacts.recordActivity(record(contactId, 'a_1'))).toBe('duplicate');
      expect(await contacts.recordActivity(record(contactId, 'a_2'))).toBe('recorded');
      const loaded = await contacts.load(contactId);
      expect(loaded?.contact).toMatchObject({ contactId, company: 'Acme', stage: 'lead' });
      expect(loaded?.contact.answers.budget).toBe('40k');
      expect(loaded?.activities.map((activity) => activity.activityId).sort()).toEqual(['a_1', 'a_2']);
    });

    it('saves a score on the version it was computed from, and refuses it on a stale one', async () => {
      const contacts = await newRepository();
      const contactId = `c_${randomUUID()}`;
      await contacts.recordActivity(record(contactId, 'a_1'));
      const loaded = await contacts.load(contactId);
      if (!loaded) throw new Error('the contact was not created');
      const score = scoreContact(
        { contact: loaded.contact, email: business, activities: loaded.activities },
        defaultScoringModel,
        NOW,
      );
      const { version } = loaded.contact;
      expect(await contacts.saveScore(contactId, version, { score, stage: 'lead' })).toBe('saved');
      expect(await contacts.saveScore(contactId, version, { score, stage: 'lead' })).toBe('conflict');
      const saved = await contacts.load(contactId);
      expect(saved?.contact.score?.total).toBe(score.total);
      expect(saved?.contact.version).toBeGreaterThan(version);
    });

    it('knows no erasure of a contact that was never erased', async () => {
      const contacts = await newRepository();
      expect(await contacts.erasedAt(`c_${randomUUID()}`)).toBeUndefined();
    });
  });
}
