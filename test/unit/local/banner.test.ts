import { describe, expect, it } from 'vitest';
import { formatBanner } from '#infra/local/cli/banner.ts';
import { defineFunction } from '#infra/wiring/types.ts';

describe('formatBanner', () => {
  it('lists every URL and every route, rule and schedule', () => {
    const banner = formatBanner({
      urls: {
        gateway: 'http://127.0.0.1:3000',
        dynamodb: 'http://127.0.0.1:8000',
        ses: 'http://127.0.0.1:8005',
        eventbridge: 'http://127.0.0.1:8010',
      },
      tableName: 'leadflow-contacts',
      eventBusName: 'leadflow-local',
      functions: {
        intake: defineFunction({
          entry: 'a.ts',
          description: 'a',
          triggers: [{ kind: 'http', method: 'POST', path: '/forms/{source}' }],
          access: {},
        }),
        digest: defineFunction({
          entry: 'b.ts',
          description: 'b',
          triggers: [
            { kind: 'event', ruleName: 'OnThing', pattern: {} },
            { kind: 'schedule', ruleName: 'Daily', expression: 'cron(0 8 * * ? *)' },
          ],
          access: {},
        }),
      },
      startedInMs: 2345,
      dataDir: '/repo/.leadflow',
    });
    expect(banner).toContain('up (2.3 s)');
    expect(banner).toContain('Gateway      http://127.0.0.1:3000');
    expect(banner).toContain('Console      http://127.0.0.1:3000/');
    expect(banner).toContain('Health       http://127.0.0.1:3000/health');
    expect(banner).toContain('Events       http://127.0.0.1:3000/_local/events');
    expect(banner).toContain('Mail viewer  http://127.0.0.1:8005/');
    expect(banner).toContain('DynamoDB     http://127.0.0.1:8000  (table leadflow-contacts)');
    expect(banner).toContain('EventBridge  http://127.0.0.1:8010  (bus leadflow-local)');
    expect(banner).toContain('POST /forms/{source} → intake');
    expect(banner).toContain('rule OnThing → digest');
    expect(banner).toContain('schedule Daily cron(0 8 * * ? *) → digest');
  });
});
