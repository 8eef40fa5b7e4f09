import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EVENT_CATALOG } from '#events/catalog.ts';
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

  it('describe every event on the bus, with a versioned id', () => {
    const ids = [...publishedSchemas().values()].map((content) => JSON.parse(content).$id);
    expect(ids).toEqual([
      'urn:leadflow:event:contact-activity-recorded.v1',
      'urn:leadflow:event:contact-scored.v1',
      'urn:leadflow:event:lead-review-requested.v1',
      'urn:leadflow:event:prospect-qualified.v1',
      'urn:leadflow:event:contact-erased.v1',
    ]);
    expect(EVENT_CATALOG).toHaveLength(ids.length);
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
