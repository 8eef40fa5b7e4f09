import type { Mailer } from '#shared/adapters/ses-mailer.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { mayReceiveMarketingEmail } from './lawful-basis.ts';
import { renderEmail } from './render-email.ts';
import { trackFor } from './tracks.ts';

export interface StartNurtureDeps {
  readonly contacts: ContactRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
}

export type StartNurtureOutcome =
  | { readonly sent: true; readonly track: string; readonly template: string; readonly messageId: string }
  | {
      readonly sent: false;
      readonly reason: 'not-a-lead' | 'no-lawful-basis' | 'already-in-track' | 'unknown-contact';
    };

/**
 * Enrolls a lead in the track matched to its interest and sends the first step. The step is claimed
 * in the table before sending, so concurrent or repeated triggers send it once; if SES refuses, the
 * claim is released and the error rethrown, so the retry can send it.
 */
export async function startNurture(contactId: string, deps: StartNurtureDeps): Promise<StartNurtureOutcome> {
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) return { sent: false, reason: 'unknown-contact' };
  const { contact } = loaded;
  // Checked on the stored contact, not the event: the lead may have qualified since.
  if (contact.stage !== 'lead') return { sent: false, reason: 'not-a-lead' };
  if (!mayReceiveMarketingEmail(contact)) return { sent: false, reason: 'no-lawful-basis' };
  if (contact.nurture) return { sent: false, reason: 'already-in-track' };

  const track = trackFor(contact.interest);
  const step = track.steps[0];
  if (!step) return { sent: false, reason: 'already-in-track' };
  const now = deps.clock().toISOString();
  if (!(await deps.contacts.claimNurtureStep(contactId, track.name, 0, now))) {
    return { sent: false, reason: 'already-in-track' };
  }
  const rendered = renderEmail(step.template, { firstName: contact.firstName, company: contact.company });
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: contact.email,
      ...rendered,
      tags: { template: step.template, track: track.name },
    }));
  } catch (error) {
    await deps.contacts.releaseNurtureStep(contactId, track.name, 0);
    throw error;
  }
  await deps.contacts.recordEmail(contactId, {
    messageId,
    template: step.template,
    sentAt: now,
    outcome: 'sent',
  });
  return { sent: true, track: track.name, template: step.template, messageId };
}
