import { normalizeEmail } from '#shared/contact/email.ts';

/**
 * Who gets the internal notifications, set per deployment (see the wiring declaration): comma- or
 * space-separated addresses. Sales hears of both reviews and qualified prospects; marketing of
 * qualified prospects only.
 */
export const NOTIFY_ENV = {
  sales: 'LEADFLOW_SALES_NOTIFY',
  marketing: 'LEADFLOW_MARKETING_NOTIFY',
} as const;

export interface NotificationRecipients {
  readonly reviewRequested: readonly string[];
  readonly prospectQualified: readonly string[];
  /** Marketing alone: told when nurture pauses or waits for the sending quota. */
  readonly marketing: readonly string[];
}

/** Parses the configured addresses, failing at cold start with the variable's name on a bad one. */
export function notificationRecipients(
  env: Readonly<Record<string, string | undefined>>,
): NotificationRecipients {
  const sales = addresses(NOTIFY_ENV.sales, env[NOTIFY_ENV.sales]);
  const marketing = addresses(NOTIFY_ENV.marketing, env[NOTIFY_ENV.marketing]);
  return { reviewRequested: sales, prospectQualified: [...new Set([...sales, ...marketing])], marketing };
}

function addresses(name: string, value: string | undefined): string[] {
  const list = (value ?? '').split(/[\s,;]+/).filter((entry) => entry !== '');
  return list.map((entry) => {
    const normalized = normalizeEmail(entry);
    if (!normalized.ok)
      throw new Error(`${name} holds an invalid address ("${entry}"): ${normalized.reason}`);
    return normalized.email;
  });
}
