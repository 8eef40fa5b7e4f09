import { createHash } from 'node:crypto';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Mailer } from '#shared/nurture/mailer.ts';
import { renderEmail } from '#shared/nurture/render-email.ts';
import type { SendRateLimiter } from '#shared/nurture/send-rate.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { type InvocationWindow, leaseUntil, waitsEndBy } from '#shared/runtime/invocation-window.ts';
import { SETTINGS } from '#shared/runtime/settings.ts';
import type { DigestStore } from './digest-store.ts';
import { utcDay } from './record-for-digest.ts';

export interface DailyDigestDeps {
  readonly digests: DigestStore;
  readonly contacts: ContactRepository;
  readonly mailer: Mailer;
  readonly rateLimiter: SendRateLimiter;
  readonly clock: Clock;
  /** The longest one run waits for sending slots (declared in the wiring). */
  readonly slotWaitMs: number;
  /** Marketing and sales addresses, from the stage configuration's `notifications.digest`. */
  readonly recipients: readonly string[];
}

export type DailyDigestOutcome =
  | {
      readonly sent: true;
      readonly day: string;
      readonly leads: number;
      readonly prospects: number;
      readonly recipients: number;
    }
  | {
      readonly sent: false;
      readonly day: string;
      readonly reason: 'no-recipients' | 'nothing-new' | 'already-sent';
    };

/** The wiring setting naming who receives the digest (marketing and sales). */
export const DIGEST_RECIPIENTS_ENV = SETTINGS.digestRecipients.name;

/** More rows than this make an email nobody reads; the rest is counted, not listed. */
const MAX_ROWS = 100;

/**
 * Sends yesterday's (UTC) digest of new prospects and new leads to marketing and sales, once each:
 * each recipient's copy is claimed before sending, under a lease that ends just after this run, and
 * released if SES refuses, so a retry sends what is missing, a run killed mid-send is taken over once
 * its lease passed, and a duplicate run sends nothing. Every wait ends inside the run's window.
 * Leads are read fresh, so the digest shows today's stage and score; a quiet day sends nothing.
 */
export async function sendDailyDigest(
  deps: DailyDigestDeps,
  window: InvocationWindow,
): Promise<DailyDigestOutcome> {
  const now = deps.clock();
  const day = utcDay(new Date(now.getTime() - 86_400_000).toISOString());
  if (deps.recipients.length === 0) return { sent: false, day, reason: 'no-recipients' };
  const { leadIds, prospects } = await deps.digests.day(day);
  if (leadIds.length === 0 && prospects.length === 0) return { sent: false, day, reason: 'nothing-new' };
  const prospectIds = new Set(prospects.map((prospect) => prospect.contactId));
  const listedLeads = leadIds.filter((id) => !prospectIds.has(id));
  const leads = [];
  for (const contactId of listedLeads.slice(0, MAX_ROWS)) {
    const loaded = await deps.contacts.load(contactId);
    if (!loaded) continue;
    const { contact } = loaded;
    leads.push({
      name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || '—',
      company: contact.company ?? '—',
      email: contact.email,
      score: contact.score?.total ?? 0,
      stage: contact.stage,
      interest: contact.interest ?? '—',
    });
  }
  const shownProspects = [...prospects].sort((a, b) => b.score - a.score).slice(0, MAX_ROWS);
  const email = renderEmail('daily-digest', 'en', {
    day,
    prospectCount: prospects.length,
    leadCount: listedLeads.length,
    prospects: shownProspects.map((prospect) => ({ ...prospect, company: prospect.company ?? '—' })),
    leads,
    omitted: Math.max(0, listedLeads.length - MAX_ROWS) + Math.max(0, prospects.length - MAX_ROWS),
  });
  const waitsEnd = waitsEndBy(window, deps.clock(), deps.slotWaitMs);
  let sent = 0;
  for (const to of deps.recipients) {
    // Hashed, so the stored key holds no colleague's address.
    const key = createHash('sha256').update(to).digest('hex').slice(0, 16);
    if (!(await deps.digests.claimSending(day, key, deps.clock().toISOString(), leaseUntil(window))))
      continue;
    try {
      if (!(await deps.rateLimiter.acquire(Math.max(0, waitsEnd - deps.clock().getTime()))))
        throw new Error('No sending slot for the daily digest.');
      await deps.mailer.send({ to, ...email, tags: { kind: 'internal', template: 'daily-digest' } });
    } catch (error) {
      await deps.digests.releaseSending(day, key);
      throw error;
    }
    sent += 1;
    await deps.digests.confirmSent(day, key, deps.clock().toISOString());
  }
  if (sent === 0) return { sent: false, day, reason: 'already-sent' };
  return { sent: true, day, leads: listedLeads.length, prospects: prospects.length, recipients: sent };
}

/** `LEADFLOW_DIGEST_RECIPIENTS`: addresses separated by commas or spaces, checked, duplicates removed. */
export function parseRecipients(value: string | undefined): string[] {
  return [...SETTINGS.digestRecipients.parse(value)];
}
