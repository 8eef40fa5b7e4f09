import { EMAIL_LOCALES, type EmailLocale } from '#shared/nurture/email-locale.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import type { NoticeSettings } from './notification-content.ts';

/** The team's language and clock for its notifications, set per deployment (see the wiring). */
export const NOTICE_ENV = {
  locale: 'LEADFLOW_TEAM_LOCALE',
  timeZone: 'LEADFLOW_TEAM_TIME_ZONE',
} as const;

/** Reads the notification settings, failing at cold start with the variable's name on a bad one. */
export function noticeSettings(env: Readonly<Record<string, string | undefined>>): NoticeSettings {
  const locale = env[NOTICE_ENV.locale]?.trim() || 'en';
  if (!(EMAIL_LOCALES as readonly string[]).includes(locale)) {
    throw new Error(`${NOTICE_ENV.locale} is "${locale}"; use one of ${EMAIL_LOCALES.join(', ')}.`);
  }
  const timeZone = env[NOTICE_ENV.timeZone]?.trim() || 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new Error(`${NOTICE_ENV.timeZone} is "${timeZone}", not an IANA time zone such as Europe/Paris.`);
  }
  const consoleUrl = env[RESOURCE_ENV.consoleUrl]?.trim() || undefined;
  if (consoleUrl !== undefined && !/^https?:\/\//.test(consoleUrl)) {
    throw new Error(`${RESOURCE_ENV.consoleUrl} must be an http(s) URL.`);
  }
  return { locale: locale as EmailLocale, timeZone, ...(consoleUrl ? { consoleUrl } : {}) };
}

/** Whether the runtime knows this IANA zone, aliases included (`Asia/Calcutta` as well as `Asia/Kolkata`). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
