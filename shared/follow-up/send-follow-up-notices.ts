import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { NoticeLog } from '#shared/notify/notice-log.ts';
import { formatMoment } from '#shared/notify/notification-content.ts';
import type { Mailer } from '#shared/nurture/mailer.ts';
import { renderEmail } from '#shared/nurture/render-email.ts';
import type { SendRateLimiter } from '#shared/nurture/send-rate.ts';
import type { Person, RoutingConfig } from '#shared/routing/routing-config.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { type InvocationWindow, leaseUntil, waitsEndBy } from '#shared/runtime/invocation-window.ts';
import { owedNotice } from './decide-follow-up.ts';
import type { FollowUp, FollowUpNotice } from './follow-up.ts';
import type { FollowUpStore } from './follow-up-store.ts';
import { update } from './track-follow-ups.ts';

export interface FollowUpNoticeDeps {
  readonly followUps: FollowUpStore;
  readonly contacts: ContactRepository;
  readonly notices: NoticeLog;
  readonly mailer: Mailer;
  readonly rateLimiter: SendRateLimiter;
  readonly routing: RoutingConfig;
  readonly clock: Clock;
  /** The longest one run waits for sending slots (declared in the wiring). */
  readonly slotWaitMs: number;
  readonly consoleUrl?: string;
}

export interface FollowUpNoticeOutcome {
  readonly reminders: number;
  readonly escalations: number;
}

/**
 * Sends what the open follow-ups owe now: a reminder to the owner before the deadline, an
 * escalation to the owner's team lead after it. Each notice is claimed first (a run that overlaps
 * another sends it once) and marked on the follow-up after; a send that fails releases its claim
 * and fails the run, for the next one to send it.
 */
export async function sendFollowUpNotices(
  deps: FollowUpNoticeDeps,
  window: InvocationWindow,
): Promise<FollowUpNoticeOutcome> {
  const now = deps.clock().toISOString();
  const waitsEnd = waitsEndBy(window, deps.clock(), deps.slotWaitMs);
  let reminders = 0;
  let escalations = 0;
  for (const followUp of await deps.followUps.open()) {
    const notice = owedNotice(followUp, now);
    if (!notice) continue;
    if (await sendOne(followUp, notice, now, deps, { window, waitsEnd })) {
      if (notice === 'reminder') reminders += 1;
      else escalations += 1;
    }
    await update(followUp.contactId, followUp.kind, deps, (current) =>
      current && current.handOffId === followUp.handOffId && !current.closedAt
        ? { ...current, ...(notice === 'reminder' ? { remindedAt: now } : { escalatedAt: now }) }
        : 'unchanged',
    );
  }
  return { reminders, escalations };
}

async function sendOne(
  followUp: FollowUp,
  notice: FollowUpNotice,
  now: string,
  deps: FollowUpNoticeDeps,
  run: { readonly window: InvocationWindow; readonly waitsEnd: number },
): Promise<boolean> {
  const loaded = await deps.contacts.load(followUp.contactId);
  if (!loaded) return false;
  // The contact's current owner: a reassignment hands the follow-up over with the contact.
  const ownerId = loaded.contact.owner?.personId ?? followUp.ownerId;
  const { people, fallback } = deps.routing;
  const owner = (ownerId && people[ownerId]) || people[fallback];
  const lead = leadOf(ownerId, deps.routing) ?? owner;
  if (!owner || !lead) return false;
  const to = notice === 'reminder' ? owner : lead;
  const key = `follow-up#${followUp.kind}#${followUp.handOffId}#${notice}`;
  if (!(await deps.notices.claim(followUp.contactId, key, now, leaseUntil(run.window)))) return false;
  try {
    if (!(await deps.rateLimiter.acquire(Math.max(0, run.waitsEnd - deps.clock().getTime()))))
      throw new Error('No sending slot for a follow-up notice; the next run sends it.');
    const { contact } = loaded;
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email;
    const settings = { locale: to.locale, timeZone: to.calendar.timeZone };
    const base = deps.consoleUrl?.replace(/\/+$/, '');
    const email = renderEmail(`follow-up-${notice}`, to.locale, {
      who: name,
      company: contact.company,
      review: followUp.kind === 'review',
      owner: owner.name,
      dueAt: formatMoment(followUp.dueAt ?? now, settings),
      since: formatMoment(followUp.startedAt ?? now, settings),
      links: { contact: base && `${base}/#/contacts/${encodeURIComponent(contact.contactId)}` },
    });
    await deps.mailer.send({ to: to.email, ...email, tags: { notice: `follow-up-${notice}` } });
  } catch (error) {
    await deps.notices.release(followUp.contactId, key);
    throw error;
  }
  await deps.notices.confirm(followUp.contactId, key, now);
  return true;
}

/** The lead of a team the person is a member of; undefined for someone in no team. */
function leadOf(personId: string | undefined, routing: RoutingConfig): Person | undefined {
  const team = Object.values(routing.teams).find(
    (candidate) => personId && candidate.members.includes(personId),
  );
  return team && routing.people[team.lead];
}
