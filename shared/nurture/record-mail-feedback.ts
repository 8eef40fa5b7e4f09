import type { DetailOf } from '#events/contract.ts';
import type {
  sesEmailBounced,
  sesEmailClicked,
  sesEmailComplaintReceived,
  sesEmailDelivered,
  sesEmailOpened,
} from '#events/ses-email-events.ts';
import type { ActivityType } from '#events/vocabulary/activity-type.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import {
  CONFIGURATION_SET_TAG,
  type LedgerFor,
  NO_CONFIGURATION_SET,
} from '#shared/sending/sending-ledger.ts';
import { MAIL_TAGS } from './mail-tags.ts';
import { type SuppressionReason, suppress } from './nurture-state.ts';
import { type EmailOutcome, type NurtureStore, updateNurtureState } from './nurture-store.ts';
import { type EmailActivityDeps, recordEmailActivity } from './record-email-activity.ts';

export type SesEmailEvent =
  | { readonly detailType: 'Email Bounced'; readonly detail: DetailOf<typeof sesEmailBounced> }
  | {
      readonly detailType: 'Email Complaint Received';
      readonly detail: DetailOf<typeof sesEmailComplaintReceived>;
    }
  | { readonly detailType: 'Email Delivered'; readonly detail: DetailOf<typeof sesEmailDelivered> }
  | { readonly detailType: 'Email Opened'; readonly detail: DetailOf<typeof sesEmailOpened> }
  | { readonly detailType: 'Email Clicked'; readonly detail: DetailOf<typeof sesEmailClicked> };

export interface MailFeedbackDeps extends EmailActivityDeps {
  readonly contacts: ContactRepository;
  /** Where hard bounces and complaints are counted for the reputation breaker, by configuration set. */
  readonly ledgerFor: LedgerFor;
  readonly store: NurtureStore;
  readonly clock: Clock;
}

export type MailFeedbackOutcome =
  | { readonly outcome: 'ignored'; readonly reason: 'not-a-contact-email' | 'unknown-contact' }
  | {
      readonly outcome: 'recorded';
      readonly contactId: string;
      readonly emailOutcome: Exclude<EmailOutcome, 'sent'>;
      readonly suppressed?: SuppressionReason;
      readonly activity?: ActivityType;
    };

/** What each kind of SES event means for the recorded email, the address and the score. */
interface Meaning {
  readonly emailOutcome: Exclude<EmailOutcome, 'sent'>;
  readonly at: string;
  readonly suppress?: SuppressionReason;
  readonly activity?: { readonly type: ActivityType; readonly idParts: readonly string[] };
}

function meaningOf(event: SesEmailEvent): Meaning {
  const { messageId } = event.detail.mail;
  switch (event.detailType) {
    case 'Email Bounced': {
      const { bounce } = event.detail;
      // Only a permanent bounce says the mailbox does not exist; SES reports transient ones after its retries.
      if (bounce.bounceType !== 'Permanent') return { emailOutcome: 'soft-bounced', at: bounce.timestamp };
      return {
        emailOutcome: 'bounced',
        at: bounce.timestamp,
        suppress: 'hard-bounce',
        activity: { type: 'email_bounced', idParts: [messageId, 'bounce'] },
      };
    }
    case 'Email Complaint Received':
      return {
        emailOutcome: 'complained',
        at: event.detail.complaint.timestamp,
        suppress: 'complaint',
        activity: { type: 'email_complained', idParts: [messageId, 'complaint'] },
      };
    case 'Email Delivered':
      return { emailOutcome: 'delivered', at: event.detail.delivery.timestamp };
    case 'Email Opened':
      // One open per email: mail clients and privacy proxies open the same email many times.
      return {
        emailOutcome: 'opened',
        at: event.detail.open.timestamp,
        activity: { type: 'email_opened', idParts: [messageId, 'open'] },
      };
    case 'Email Clicked':
      return {
        emailOutcome: 'clicked',
        at: event.detail.click.timestamp,
        activity: { type: 'email_clicked', idParts: [messageId, 'click', event.detail.click.link] },
      };
  }
}

/**
 * Acts on SES feedback about an email we sent: a hard bounce or a complaint is counted for the
 * reputation breaker, whoever the email went to. For a contact's email, found again by its tags:
 * the recorded email gets its outcome; a hard bounce or a complaint suppresses the address at once;
 * opens and clicks (and bounces and complaints) become activities, which re-score the contact.
 * Internal emails carry no contact tag and are ignored.
 */
export async function recordMailFeedback(
  event: SesEmailEvent,
  deps: MailFeedbackDeps,
): Promise<MailFeedbackOutcome> {
  const { mail } = event.detail;
  const meaning = meaningOf(event);
  const at = new Date(meaning.at).toISOString();
  // Every email's feedback counts towards the sender's reputation, a team notification's too.
  const counted =
    meaning.suppress === 'hard-bounce'
      ? 'bounce'
      : meaning.suppress === 'complaint'
        ? 'complaint'
        : undefined;
  if (counted) {
    const configurationSet = mail.tags?.[CONFIGURATION_SET_TAG]?.[0] ?? NO_CONFIGURATION_SET;
    await deps.ledgerFor(configurationSet).countFeedback(mail.messageId, counted, new Date(at));
  }
  const contactId = mail.tags?.[MAIL_TAGS.contactId]?.[0];
  if (!contactId) return { outcome: 'ignored', reason: 'not-a-contact-email' };
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) return { outcome: 'ignored', reason: 'unknown-contact' };
  const sentAtMs = Number(mail.tags?.[MAIL_TAGS.sentAt]?.[0]);
  if (Number.isFinite(sentAtMs)) {
    await deps.store.noteEmailEvent(
      { contactId, sentAt: new Date(sentAtMs).toISOString(), messageId: mail.messageId },
      meaning.emailOutcome,
      at,
    );
  }
  const { suppress: reason } = meaning;
  if (reason) {
    await updateNurtureState(deps.store, contactId, (state) =>
      state.suppression?.reason === reason || state.suppression?.reason === 'complaint'
        ? undefined
        : suppress(state, reason, at),
    );
  }
  if (meaning.activity) {
    await recordEmailActivity(loaded.contact, meaning.activity.type, at, meaning.activity.idParts, {
      ...deps,
      now: deps.clock(),
      source: 'ses',
    });
  }
  return {
    outcome: 'recorded',
    contactId,
    emailOutcome: meaning.emailOutcome,
    ...(reason ? { suppressed: reason } : {}),
    ...(meaning.activity ? { activity: meaning.activity.type } : {}),
  };
}
