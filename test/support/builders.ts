import type { ActivityType, FormType } from '#events/vocabulary/activity-type.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';

export const NOW = new Date('2026-03-02T10:00:00.000Z');

export function daysBefore(date: Date, days: number): string {
  return new Date(date.getTime() - days * 86_400_000).toISOString();
}

export function anActivity(
  type: ActivityType,
  occurredAt = NOW.toISOString(),
  formType?: FormType,
  details: Partial<Pick<Activity, 'channel' | 'page' | 'pageCategory'>> = {},
): Activity {
  return {
    activityId: `a_${type}_${occurredAt}_${details.page ?? details.pageCategory ?? ''}`,
    contactId: 'c_1',
    type,
    channel: details.channel ?? 'web-form',
    page: details.page,
    pageCategory: details.pageCategory,
    source: 'generic',
    formType,
    occurredAt,
    recordedAt: occurredAt,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return {
    contactId: 'c_1',
    email: 'jane@acme-industries.com',
    answers: {},
    stage: 'lead',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
    ...overrides,
  };
}
