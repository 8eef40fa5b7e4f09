import type { SenderIdentity } from '#shared/nurture/sender-identity.ts';
import type { SendingPolicy } from '#shared/sending/sending-policy.ts';
import { senderAddress } from '../mail-grant.ts';
import type { StageConfig } from './stage-config.ts';

/** Reserved for documentation (RFC 2606): mail from or links to them tell a reader nothing is real. */
const EXAMPLE_HOST = /(^|\.)(example(\.(com|org|net))?|invalid|localhost)$/i;

/** The display name of `Name <address>`, if any. */
function displayNameOf(from: string): string | undefined {
  const name = /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1]?.trim();
  return name || undefined;
}

export function isExampleHost(host: string): boolean {
  return EXAMPLE_HOST.test(host);
}

/**
 * The sender identity the sending functions get (see {@link SenderIdentity}), or undefined when the
 * stage names no links yet: then the functions refuse to start, naming the setting, rather than send
 * mail with made-up links.
 */
export function senderIdentityOf(config: StageConfig): SenderIdentity | undefined {
  const { mail } = config;
  if (!mail.links) return undefined;
  const domain = senderAddress(mail.from).split('@')[1] ?? '';
  return {
    companyName: mail.companyName ?? displayNameOf(mail.from) ?? domain,
    ...(mail.postalAddress ? { postalAddress: mail.postalAddress } : {}),
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    links: mail.links,
  };
}

/**
 * Why a production stage may not send yet: each problem names the exact setting to change. Mail from
 * an example sender, to example links, or without a postal address (CAN-SPAM and many other laws)
 * would hurt the sender's reputation or break the law, so a production synth refuses it outright.
 */
export function productionMailProblems(
  config: Omit<StageConfig, 'name'>,
  nurtureLinks: Readonly<Record<string, string>>,
): string[] {
  const { mail } = config;
  const problems: string[] = [];
  const domainOf = (address: string) => address.split('@')[1] ?? '';
  if (isExampleHost(domainOf(senderAddress(mail.from)))) {
    problems.push(`mail.from is the example sender "${mail.from}": set it to a sender verified in SES.`);
  }
  if (mail.replyTo && isExampleHost(domainOf(mail.replyTo))) {
    problems.push(`mail.replyTo is an example address: set it to a monitored inbox, or remove it.`);
  }
  if (!mail.postalAddress) {
    problems.push('mail.postalAddress is missing: set the postal address every commercial email must show.');
  }
  if (!mail.links) {
    problems.push('mail.links is missing: set mail.links.website and mail.links.privacy to your own pages.');
  }
  for (const [name, link] of Object.entries(mail.links ?? {})) {
    if (isExampleHost(new URL(link).hostname)) {
      problems.push(`mail.links.${name} is an example link (${link}): set it to your own page.`);
    }
  }
  for (const [name, link] of Object.entries(nurtureLinks)) {
    if (!link.startsWith('/') && isExampleHost(new URL(link).hostname)) {
      problems.push(
        `links.${name} in shared/nurture/config/nurture.json is an example link (${link}): ` +
          'set it to your own page, or to a path on mail.links.website.',
      );
    }
  }
  return problems;
}

/** The sending policy the senders and the admin API get (the local quota stand-in stays local). */
export function sendingPolicyOf(config: StageConfig): SendingPolicy {
  const { breaker, nurtureShare, warmUp } = config.mail.sending;
  return { breaker, nurtureShare, ...(warmUp ? { warmUp } : {}) };
}
