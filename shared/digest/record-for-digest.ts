import type { contactScored } from '#events/contact-scored.ts';
import type { DetailOf } from '#events/contract.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import type { DigestStore } from './digest-store.ts';

/** The UTC day (`yyyy-mm-dd`) a moment belongs to: digests cover whole UTC days. */
export const utcDay = (iso: string) => iso.slice(0, 10);

/** A contact's first "Contact Scored" makes it a new lead of that day. */
export async function recordScoredForDigest(
  detail: DetailOf<typeof contactScored>,
  store: DigestStore,
): Promise<'new-lead' | 'known'> {
  if (!(await store.markSeen(detail.contactId, detail.scoredAt))) return 'known';
  await store.addLead(utcDay(detail.scoredAt), detail.contactId, detail.scoredAt);
  return 'new-lead';
}

/** Every qualification is a new prospect of that day, with what sales needs to read at a glance. */
export async function recordQualifiedForDigest(
  detail: DetailOf<typeof prospectQualified>,
  store: DigestStore,
): Promise<void> {
  const { contact } = detail;
  await store.addProspect(utcDay(detail.qualifiedAt), {
    contactId: contact.contactId,
    name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email,
    company: contact.company,
    email: contact.email,
    score: detail.score.total,
    qualifiedBy: detail.qualifiedBy.kind === 'auto' ? 'automatically' : 'a person',
    at: detail.qualifiedAt,
  });
}
