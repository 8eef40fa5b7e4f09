import { DOMAINS as FREE_MAIL_DOMAINS } from 'free-email-domains-list';
import MailChecker from 'mailchecker';
import ROLE_PREFIXES from 'role-based-email-addresses';
import { emailDomain } from './email.ts';

const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set(ROLE_PREFIXES);

export interface EmailClassification {
  /** The address's domain, for the model's competitor and email-domain rules. */
  readonly domain: string;
  /** A consumer mailbox (gmail.com, orange.fr…): says little about the company. */
  readonly freeMail: boolean;
  /** A throwaway mailbox: the person does not want to be reached. */
  readonly disposable: boolean;
  /** A team's mailbox (info@, contact@, sales@…), not a person's. */
  readonly role?: boolean;
}

/**
 * Classifies an already-normalized address with maintained public lists rather than hand-written
 * ones. This is only used by scoring, so the lists load in the scorer and not in the webhook path.
 */
export function classifyEmail(email: string): EmailClassification {
  return {
    domain: emailDomain(email),
    freeMail: FREE_MAIL_DOMAINS.has(emailDomain(email)),
    disposable: !MailChecker.isValid(email),
    role: ROLE_LOCAL_PARTS.has(localPartOf(email)),
  };
}

/** The mailbox name without a `+tag` (`info+events@` is still `info@`). */
function localPartOf(email: string): string {
  return email.slice(0, email.lastIndexOf('@')).split('+')[0] ?? '';
}
