import type { MailTokens } from './mail-token.ts';

export interface MailLinks {
  readonly unsubscribeUrl: string;
  readonly preferencesUrl: string;
  readonly confirmUrl?: string;
}

/** The routes the links point to (declared in infra/wiring/functions.ts). */
export const MAIL_ROUTES = {
  unsubscribe: '/unsubscribe',
  preferences: '/preferences',
  confirm: '/confirm',
} as const;

/** The per-person links of an email, each carrying a token signed for that contact alone. */
export function mailLinks(
  baseUrl: string,
  tokens: MailTokens,
  contactId: string,
  now: Date,
  options: { readonly confirm?: boolean } = {},
): MailLinks {
  const url = (path: string, token: string) => {
    const link = new URL(path, `${baseUrl.replace(/\/+$/, '')}/`);
    link.searchParams.set('token', token);
    return link.toString();
  };
  const manage = tokens.sign('manage', contactId, now);
  return {
    unsubscribeUrl: url(MAIL_ROUTES.unsubscribe.slice(1), manage),
    preferencesUrl: url(MAIL_ROUTES.preferences.slice(1), manage),
    ...(options.confirm
      ? { confirmUrl: url(MAIL_ROUTES.confirm.slice(1), tokens.sign('confirm', contactId, now)) }
      : {}),
  };
}
