import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { eventEntryFrom } from '#infra/local/local-event-file.ts';

const example = (name: string) =>
  readFile(new URL(`../../../infra/local/examples/${name}`, import.meta.url), 'utf8');

describe('event files for npm run put-event', () => {
  it.each(['deal-won.json', 'meeting-booked.json'])(
    'reads the example %s as a signal leadflow takes',
    async (name) => {
      const read = eventEntryFrom(await example(name));
      expect(read.ok, JSON.stringify(read)).toBe(true);
    },
  );

  it('says in words what is wrong with a file', async () => {
    const deal = JSON.parse(await example('deal-won.json'));
    expect(eventEntryFrom('{')).toEqual({ ok: false, problem: 'The file is not JSON.' });
    expect(eventEntryFrom(JSON.stringify({ Detail: {} }))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"Source"'),
    });
    expect(eventEntryFrom(JSON.stringify({ ...deal, DetailType: 'Deal Lost' }))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not "Deal Lost"'),
    });
    expect(
      eventEntryFrom(JSON.stringify({ ...deal, Detail: { ...deal.Detail, wonAt: 'yesterday' } })),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^The detail breaks the "Deal Won" contract: wonAt: /),
    });
  });
});
