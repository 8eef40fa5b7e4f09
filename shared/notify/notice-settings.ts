import { EMAIL_LOCALES, type EmailLocale } from '#shared/nurture/email-locale.ts';
import { type Environment, readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import type { NoticeSettings } from './notification-content.ts';

const NOTICE_ENV = { locale: SETTINGS.teamLocale.name, timeZone: SETTINGS.teamTimeZone.name } as const;

/** Reads the notification settings, failing at cold start with the variable's name on a bad one. */
export function noticeSettings(env?: Environment): NoticeSettings {
  const locale = readSetting(SETTINGS.teamLocale, env) || 'en';
  if (!(EMAIL_LOCALES as readonly string[]).includes(locale)) {
    throw new Error(`${NOTICE_ENV.locale} is "${locale}"; use one of ${EMAIL_LOCALES.join(', ')}.`);
  }
  const timeZone = readSetting(SETTINGS.teamTimeZone, env) || 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new Error(`${NOTICE_ENV.timeZone} is "${timeZone}", not an IANA time zone such as Europe/Paris.`);
  }
  const consoleUrl = readSetting(SETTINGS.consoleUrl, env);
  if (consoleUrl !== undefined && !/^https?:\/\//.test(consoleUrl)) {
    throw new Error(`${SETTINGS.consoleUrl.name} must be an http(s) URL.`);
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
