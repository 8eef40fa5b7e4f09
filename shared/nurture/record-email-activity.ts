import { createHash } from 'node:crypto';
import type { ActivityType } from '#events/vocabulary/activity-type.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import { recordAndAnnounceActivity } from '#shared/activity/record-activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';

export interface EmailActivityDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
}

/**
 * Records what a person did with our email (opened, clicked, bounced, complained, unsubscribed) as an
 * activity on the contact, exactly like a form submission, and announces it so the scorer runs. The
 * id derives from `idParts`, so a redelivered SES event or a repeated click on one link is one activity.
 */
export async function recordEmailActivity(
  contact: Pick<Contact, 'contactId' | 'email'>,
  type: ActivityType,
  occurredAt: string,
  idParts: readonly string[],
  deps: EmailActivityDeps & { readonly now: Date; readonly source: string },
): Promise<'recorded' | 'duplicate'> {
  const activity: Activity = {
    activityId: `a_${createHash('sha256')
      .update(['email', ...idParts].join('\u0000'))
      .digest('hex')
      .slice(0, 32)}`,
    contactId: contact.contactId,
    type,
    channel: 'email',
    source: deps.source,
    occurredAt,
    recordedAt: deps.now.toISOString(),
  };
  // Announced even when a duplicate, like intake: the first delivery may have failed before the event.
  return recordAndAnnounceActivity(
    { contactId: contact.contactId, profile: { email: contact.email }, answers: {}, activity },
    deps,
  );
}
