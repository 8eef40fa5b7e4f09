import { describe, expect, it } from 'vitest';
import { resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import { SETTINGS } from '#shared/runtime/settings.ts';

const locations = {
  tableName: 't',
  eventBusName: 'b',
  mailFrom: 'm@example.com',
  notifications: { sales: ['sales@example.com', 'desk@example.com'], marketing: ['marketing@example.com'] },
};

describe("the team's notification lists from the stage configuration", () => {
  it('reach a function with `team` access as the sales and marketing settings', () => {
    const env = resourceEnvironment({ mail: 'send', notify: 'team' }, locations);
    expect(SETTINGS.salesNotify.parse(env[SETTINGS.salesNotify.name])).toEqual([
      'sales@example.com',
      'desk@example.com',
    ]);
    expect(SETTINGS.marketingNotify.parse(env[SETTINGS.marketingNotify.name])).toEqual([
      'marketing@example.com',
    ]);
    expect(env).not.toHaveProperty(SETTINGS.digestRecipients.name);
  });

  it('give the digest marketing and sales unless the stage names its own recipients', () => {
    const byDefault = resourceEnvironment({ notify: 'digest' }, locations);
    expect(SETTINGS.digestRecipients.parse(byDefault[SETTINGS.digestRecipients.name])).toEqual([
      'marketing@example.com',
      'sales@example.com',
      'desk@example.com',
    ]);
    const own = resourceEnvironment(
      { notify: 'digest' },
      { ...locations, notifications: { ...locations.notifications, digest: ['board@example.com'] } },
    );
    expect(own[SETTINGS.digestRecipients.name]).toBe('board@example.com');
    expect(own).not.toHaveProperty(SETTINGS.salesNotify.name);
  });

  it('reach no function that does not email the team', () => {
    const env = resourceEnvironment({ table: 'readWrite', mail: 'send' }, locations);
    expect(Object.keys(env)).not.toContain(SETTINGS.salesNotify.name);
    expect(Object.keys(env)).not.toContain(SETTINGS.digestRecipients.name);
  });
});
