import type { Contact } from '#shared/contact/contact.ts';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';
import { localeFor } from './contact-locale.ts';
import type { EmailLocale } from './email-locale.ts';
import { mailLinks } from './mail-links.ts';
import { MAIL_TAGS } from './mail-tags.ts';
import type { MailTokens } from './mail-token.ts';
import type { NurtureConfig } from './nurture-config.ts';
import type { PlannedEmail } from './plan-delivery.ts';
import { renderEmail } from './render-email.ts';
import { emailLinks, type SenderIdentity } from './sender-identity.ts';

export interface ComposeDeps {
  readonly config: NurtureConfig;
  readonly tokens: MailTokens;
  /** Where the unsubscribe, preference and confirmation routes are served. */
  readonly publicBaseUrl: string;
  /** The stage's company, postal address and site links, shown in every footer. */
  readonly sender: SenderIdentity;
}

/**
 * A nurture or confirmation email for one contact, in its language: the rendered template, the
 * person's own unsubscribe and preference links in the body, RFC 8058 one-click unsubscribe headers,
 * and tags that let SES events find the contact and the recorded email again.
 */
export function composeContactEmail(
  contact: Contact,
  planned: PlannedEmail,
  now: Date,
  deps: ComposeDeps,
): { readonly email: OutgoingEmail; readonly locale: EmailLocale } {
  const locale = localeFor(contact, deps.config);
  const links = mailLinks(deps.publicBaseUrl, deps.tokens, contact.contactId, now, {
    confirm: planned.kind === 'confirmation',
  });
  const rendered = renderEmail(planned.template, locale, {
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    links: emailLinks(deps.config.links, deps.sender),
    sender: { companyName: deps.sender.companyName, postalAddress: deps.sender.postalAddress },
    ...links,
  });
  return {
    locale,
    email: {
      to: contact.email,
      ...rendered,
      headers: {
        'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      tags: {
        [MAIL_TAGS.contactId]: contact.contactId,
        [MAIL_TAGS.sentAt]: String(now.getTime()),
        [MAIL_TAGS.kind]: planned.kind,
        [MAIL_TAGS.template]: planned.template,
        ...(planned.track ? { [MAIL_TAGS.track]: planned.track } : {}),
      },
    },
  };
}
