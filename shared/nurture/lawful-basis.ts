import type { Contact } from '#shared/contact/contact.ts';

/**
 * Marketing email needs a lawful basis: consent the person gave, or a documented legitimate
 * interest. Without either, leadflow records the lead but sends nothing.
 */
export function mayReceiveMarketingEmail(contact: Pick<Contact, 'consent'>): boolean {
  const { consent } = contact;
  if (!consent) return false;
  return consent.legalBasis === 'legitimate-interest' || consent.granted;
}
