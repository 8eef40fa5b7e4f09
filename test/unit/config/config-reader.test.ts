import { beforeEach, describe, expect, it } from 'vitest';
import { cachedConfig } from '#shared/config/config-reader.ts';
import { publishConfig } from '#shared/config/publish-config.ts';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { InMemoryConfigStore } from '../../support/in-memory-config-store.ts';

const START = Date.parse('2026-12-04T10:00:00.000Z');
let now: number;
let store: InMemoryConfigStore;
const clock = () => new Date(now);
const reader = () => cachedConfig(scoringModelKind, (kind) => store.current(kind), { clock });

async function publishVersion(label: string) {
  const model = { ...structuredClone(modelFile), version: label };
  await publishConfig(scoringModelKind, model, { by: 'alice', reason: 'test' }, { store, clock });
}

beforeEach(() => {
  now = START;
  store = new InMemoryConfigStore();
});

describe('cachedConfig', () => {
  it('answers the repository file as version 1 while nothing is published', async () => {
    const snapshot = await reader()();
    expect(snapshot.version).toBe(1);
    expect(snapshot.document.version).toBe(modelFile.version);
  });

  it('reads once a minute however often it is asked, and sees a publish within the minute', async () => {
    const current = reader();
    await current();
    await publishVersion('autumn');
    store.reads = 0;

    now = START + 59_000;
    for (let call = 0; call < 50; call += 1) {
      expect((await current()).document.version).toBe(modelFile.version);
    }
    expect(store.reads).toBe(0);

    now = START + 60_000;
    const snapshot = await current();
    expect(snapshot).toMatchObject({ version: 2, document: { version: 'autumn' } });
    expect(store.reads).toBe(1);
  });

  it('shares one read between callers that arrive while it is in flight', async () => {
    const current = reader();
    const snapshots = await Promise.all(Array.from({ length: 20 }, () => current()));
    expect(new Set(snapshots).size).toBe(1);
    expect(store.reads).toBe(1);
  });

  it('keeps serving the last version when the store cannot be read, and reads again next minute', async () => {
    await publishVersion('autumn');
    const current = reader();
    await current();
    store.failing = new Error('throttled');
    now += 60_000;
    expect((await current()).document.version).toBe('autumn');

    store.failing = undefined;
    await publishVersion('winter');
    now += 60_000;
    expect((await current()).document.version).toBe('winter');
  });

  it('fails the first read when the store cannot be read, so the invocation is retried, then recovers', async () => {
    const current = reader();
    store.failing = new Error('throttled');
    await expect(current()).rejects.toThrow('throttled');
    store.failing = undefined;
    expect((await current()).version).toBe(1);
  });

  it('falls back to the repository file when the stored document no longer fits the schema', async () => {
    await publishVersion('autumn');
    const stored = store.versions.get('scoring-model')?.at(-1);
    if (!stored) throw new Error('nothing was published');
    (stored.document as Record<string, unknown>).fit = 'no longer an object';

    const snapshot = await reader()();
    expect(snapshot).toMatchObject({ version: 1, document: { version: modelFile.version } });
  });
});
