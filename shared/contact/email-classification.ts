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
  const domain = emailDomain(email);
  return {
    domain,
    freeMail: FREE_MAIL_DOMAINS.has(domain),
    disposable: isDisposableDomain(domain),
    role: ROLE_LOCAL_PARTS.has(localPartOf(email)),
  };
}

const DISPOSABLE_DOMAINS: ReadonlySet<string> = MailChecker.blacklist();

/**
 * mailchecker's list, checked for the domain and each parent domain (`x.mailinator.com` is
 * throwaway too), as mailchecker itself does. Its `isValid` also re-runs a long syntax regex that
 * intake has already passed, which dominated the cost of scoring.
 */
function isDisposableDomain(domain: string): boolean {
  let candidate = domain;
  for (;;) {
    if (DISPOSABLE_DOMAINS.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot === -1) return false;
    candidate = candidate.slice(dot + 1);
  }
}

/** The mailbox name without a `+tag` (`info+events@` is still `info@`). */
function localPartOf(email: string): string {
  return email.slice(0, email.lastIndexOf('@')).split('+')[0] ?? '';
}
