import { describe, expect, it } from 'vitest';
import { noticeSettings } from '#shared/notify/notice-settings.ts';

describe('noticeSettings', () => {
  it('reads the team language, time zone and console address, defaulting to English in UTC', () => {
    expect(noticeSettings({})).toEqual({ locale: 'en', timeZone: 'UTC' });
    expect(
      noticeSettings({
        LEADFLOW_TEAM_LOCALE: 'fr',
        LEADFLOW_TEAM_TIME_ZONE: 'America/Argentina/Buenos_Aires',
        LEADFLOW_CONSOLE_URL: 'https://leads.example.com',
      }),
    ).toEqual({
      locale: 'fr',
      timeZone: 'America/Argentina/Buenos_Aires',
      consoleUrl: 'https://leads.example.com',
    });
  });

  it('fails at cold start on a setting it cannot use, naming it', () => {
    expect(() => noticeSettings({ LEADFLOW_TEAM_LOCALE: 'de' })).toThrow(/^LEADFLOW_TEAM_LOCALE is "de"/);
    expect(() => noticeSettings({ LEADFLOW_TEAM_TIME_ZONE: 'Paris' })).toThrow(/^LEADFLOW_TEAM_TIME_ZONE/);
    expect(() => noticeSettings({ LEADFLOW_CONSOLE_URL: 'leads.example.com' })).toThrow(
      /^LEADFLOW_CONSOLE_URL/,
    );
  });
});
