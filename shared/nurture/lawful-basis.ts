import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { NurtureConfig } from './nurture-config.ts';

/**
 * Marketing email needs a lawful basis: consent the person gave, or a documented legitimate
 * interest. Without either, leadflow records the lead but sends nothing.
 */
export function mayReceiveMarketingEmail(contact: Pick<Contact, 'consent'>): boolean {
  const { consent } = contact;
  if (!consent) return false;
  return consent.legalBasis === 'legitimate-interest' || consent.granted;
}

/**
 * A signup that rests on consent for one of the configured interests (the newsletter) must be
 * confirmed from the mailbox before anything else is sent: whoever typed the address may not own it.
 */
export function needsDoubleOptIn(
  contact: Pick<Contact, 'consent'>,
  activities: readonly Pick<Activity, 'formType'>[],
  config: Pick<NurtureConfig, 'doubleOptIn'>,
): boolean {
  if (contact.consent?.legalBasis !== 'consent') return false;
  const interests: readonly string[] = config.doubleOptIn.interests;
  return activities.some(
    (activity) => activity.formType !== undefined && interests.includes(activity.formType),
  );
}
