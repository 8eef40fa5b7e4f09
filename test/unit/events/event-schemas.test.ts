import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EVENT_CATALOG, INCOMING_CATALOG } from '#events/catalog.ts';
import { dealWon } from '#events/deal-won.ts';
import { publishedSchemas } from '#events/json-schemas.ts';

const directory = new URL('../../../events/schemas/', import.meta.url);

describe('published event schemas (events/schemas/)', () => {
  it('are exactly what the zod contracts export: run `npm run events:schemas` after changing one', async () => {
    const expected = publishedSchemas();
    expect((await readdir(directory)).sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      expect(await readFile(new URL(name, directory), 'utf8'), `${name} is stale`).toBe(content);
    }
  });

  it('describe every event leadflow puts and every signal it takes, with a versioned id', () => {
    const ids = [...publishedSchemas().values()].map((content) => JSON.parse(content).$id);
    expect(ids).toEqual([
      'urn:leadflow:event:contact-activity-recorded.v1',
      'urn:leadflow:event:contact-scored.v1',
      'urn:leadflow:event:lead-review-requested.v1',
      'urn:leadflow:event:prospect-qualified.v1',
      'urn:leadflow:event:contact-erased.v1',
      'urn:leadflow:event:bulk-job-finished.v1',
      'urn:leadflow:event:bulk-job-piece-ready.v1',
      'urn:leadflow:event:webinar-attended.v1',
      'urn:leadflow:event:meeting-booked.v1',
      'urn:leadflow:event:sales-interaction-logged.v1',
      'urn:leadflow:event:page-visited.v1',
      'urn:leadflow:event:deal-won.v1',
    ]);
    expect(EVENT_CATALOG.length + INCOMING_CATALOG.length).toBe(ids.length);
  });

  it('tell an integrator what it may send: a signal schema accepts what its contract accepts', () => {
    const fromJson = z.fromJSONSchema(JSON.parse(publishedSchemas().get('deal-won.v1.json') ?? '{}'));
    const deal = {
      version: 1,
      crm: 'hubspot',
      dealId: '9876543210',
      wonAt: '2026-03-20T16:00:00+01:00',
      contact: { email: ' Grace@Hopper-Systems.io ' },
    };
    expect(fromJson.safeParse(deal).success).toBe(true);
    expect(dealWon.schema.safeParse(deal).success).toBe(true);
    for (const broken of [
      { ...deal, dealId: '' },
      { ...deal, wonAt: 'last week' },
      { ...deal, contact: {} },
    ]) {
      expect(fromJson.safeParse(broken).success).toBe(false);
      expect(dealWon.schema.safeParse(broken).success).toBe(false);
    }
  });

  it('accept what the contract accepts and refuse what it refuses (checked through zod’s own reader)', () => {
    const schema = JSON.parse(publishedSchemas().get('contact-scored.v1.json') ?? '{}');
    const fromJson = z.fromJSONSchema(schema);
    const detail = {
      version: 1,
      contactId: 'c_1',
      score: 42,
      stage: 'lead',
      modelVersion: 'b2b-default-2',
      scoredAt: '2026-03-02T10:00:00.000Z',
      breakdown: [{ rule: 'fit.businessEmail', points: 10, reason: 'business email domain' }],
    };
    expect(fromJson.safeParse(detail).success).toBe(true);
    expect(fromJson.safeParse({ ...detail, stage: 'hot' }).success).toBe(false);
    expect(fromJson.safeParse({ ...detail, scoredAt: 'yesterday' }).success).toBe(false);
  });
});
