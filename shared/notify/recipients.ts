import { type Environment, readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/**
 * Who gets the internal notifications, set per deployment (see the wiring declaration): comma- or
 * space-separated addresses. Sales hears of both reviews and qualified prospects; marketing of
 * qualified prospects only.
 */
export const NOTIFY_ENV = {
  sales: SETTINGS.salesNotify.name,
  marketing: SETTINGS.marketingNotify.name,
} as const;

export interface NotificationRecipients {
  readonly reviewRequested: readonly string[];
  readonly prospectQualified: readonly string[];
}

/** Parses the configured addresses, failing at cold start with the variable's name on a bad one. */
export function notificationRecipients(env?: Environment): NotificationRecipients {
  const sales = readSetting(SETTINGS.salesNotify, env);
  const marketing = readSetting(SETTINGS.marketingNotify, env);
  return { reviewRequested: sales, prospectQualified: [...new Set([...sales, ...marketing])] };
}
