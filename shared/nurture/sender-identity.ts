import * as z from 'zod/mini';
import { readSetting, requiredSetting, SETTINGS } from '#shared/runtime/settings.ts';

/** The variable through which the wiring gives every sending function the stage's sender identity (JSON). */
const SENDER_IDENTITY_ENV = SETTINGS.mailSender.name;

/** The links every stage must name: the site and the privacy page every email's footer points to. */
export const STAGE_LINKS = ['website', 'privacy'] as const;

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/**
 * Who an email is from, as a reader and a filter see it: the company, its postal address (required in
 * commercial email by CAN-SPAM and many other laws), where replies go, and our own site's links. It
 * is stage configuration (`mail` in `infra/cdk/config/<stage>.json`), never a constant in code.
 */
export const senderIdentitySchema = z.object({
  companyName: z.string().check(z.trim(), z.minLength(1)),
  postalAddress: z.optional(z.string().check(z.trim(), z.minLength(1))),
  replyTo: z.optional(z.email()),
  links: z
    .record(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)), httpsUrl)
    .check(
      z.refine(
        (links) => STAGE_LINKS.every((name) => name in links),
        `must name ${STAGE_LINKS.join(' and ')}`,
      ),
    ),
});

export type SenderIdentity = z.infer<typeof senderIdentitySchema>;

/** The identity the wiring set, validated at cold start so a missing setting is named, not sent. */
export function senderIdentityFromEnv(): SenderIdentity {
  return parseSenderIdentity(requiredSetting(SETTINGS.mailSender));
}

/** The reply-to address of the stage, for senders (team notifications) that need nothing else of it. */
export function replyToFromEnv(): string | undefined {
  const raw = readSetting(SETTINGS.mailSender);
  return raw ? parseSenderIdentity(raw).replyTo : undefined;
}

function parseSenderIdentity(raw: string): SenderIdentity {
  const parsed = senderIdentitySchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(
      `${SENDER_IDENTITY_ENV} is not a valid sender identity:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * The links a template may use: the stage's own, plus nurture's, where a path (`/blog`) is a page of
 * the stage's website and a full URL stays as it is (a webinar platform, say).
 */
export function emailLinks(
  nurtureLinks: Readonly<Record<string, string>>,
  sender: SenderIdentity,
): Record<string, string> {
  const website = sender.links.website ?? '';
  const resolved = Object.entries(nurtureLinks).map(([name, link]) => [
    name,
    link.startsWith('/') ? new URL(link.slice(1), `${website.replace(/\/+$/, '')}/`).toString() : link,
  ]);
  return { ...Object.fromEntries(resolved), ...sender.links };
}
