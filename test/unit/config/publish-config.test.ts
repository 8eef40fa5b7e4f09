import { beforeEach, describe, expect, it } from 'vitest';
import { publishConfig } from '#shared/config/publish-config.ts';
import { rollbackConfig, UnknownConfigVersionError } from '#shared/config/rollback-config.ts';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { InMemoryConfigStore } from '../../support/in-memory-config-store.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const ALICE = { by: 'alice@seller.example', reason: 'pricing visits count more' };

let store: InMemoryConfigStore;
const deps = () => ({ store, clock: () => NOW });

/** The repository model with pricing visits worth `points`, under a new version label. */
function candidate(points: number, version = `b2b-default-pricing-${points}`) {
  const model = structuredClone(modelFile) as Record<string, any>;
  model.version = version;
  model.fit.businessEmail = points;
  return model;
}

beforeEach(() => {
  store = new InMemoryConfigStore();
});

describe('publishConfig', () => {
  it('writes the repository file as version 1 and the candidate as version 2, with who, why and the diff', async () => {
    const outcome = await publishConfig(scoringModelKind, candidate(14), ALICE, deps());

    expect(outcome).toMatchObject({ outcome: 'published', version: { version: 2 } });
    const [first, second] = store.versions.get('scoring-model') ?? [];
    expect(first).toMatchObject({ version: 1, label: modelFile.version, by: 'repository', changes: [] });
    expect(second).toMatchObject({
      version: 2,
      label: 'b2b-default-pricing-14',
      by: ALICE.by,
      reason: ALICE.reason,
      publishedAt: NOW.toISOString(),
    });
    expect(second?.changes).toEqual([
      { path: 'version', change: 'changed', before: modelFile.version, after: 'b2b-default-pricing-14' },
      { path: 'fit.businessEmail', change: 'changed', before: modelFile.fit.businessEmail, after: 14 },
    ]);
  });

  it('refuses an invalid candidate with the exact path of each error, and writes nothing', async () => {
    const bad = candidate(14);
    bad.fit.grades.A = 'forty';
    bad.policy.review.minScore = 999;

    const outcome = await publishConfig(scoringModelKind, bad, ALICE, deps());

    expect(outcome.outcome).toBe('invalid');
    const paths = outcome.outcome === 'invalid' ? outcome.errors.map((error) => error.path) : [];
    expect(paths).toContain('fit.grades.A');
    expect(store.versions.size).toBe(0);
  });

  it('writes nothing when the candidate is the version in force', async () => {
    const outcome = await publishConfig(scoringModelKind, structuredClone(modelFile), ALICE, deps());
    expect(outcome).toMatchObject({ outcome: 'unchanged', current: { version: 1 } });
    expect(store.versions.size).toBe(0);
  });

  it('refuses different points under a version label already used, since scores record the label', async () => {
    await publishConfig(scoringModelKind, candidate(14, 'spring'), ALICE, deps());
    const outcome = await publishConfig(scoringModelKind, candidate(20, 'spring'), ALICE, deps());
    expect(outcome).toEqual({
      outcome: 'invalid',
      errors: [{ path: 'version', message: expect.stringContaining('"spring" already names version 2') }],
    });
    const relabelled = await publishConfig(scoringModelKind, candidate(20, modelFile.version), ALICE, deps());
    expect(relabelled.outcome).toBe('invalid');
  });

  it('lets the loser of a race re-read and publish after the winner', async () => {
    const racing = Promise.all([
      publishConfig(scoringModelKind, candidate(14), ALICE, deps()),
      publishConfig(scoringModelKind, candidate(20), { by: 'bob', reason: 'other idea' }, deps()),
    ]);
    const outcomes = await racing;
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['published', 'published']);
    expect(store.versions.get('scoring-model')?.map((version) => version.version)).toEqual([1, 2, 3]);
  });
});

describe('rollbackConfig', () => {
  it('publishes the earlier document again as a new version, and the audit lists both', async () => {
    await publishConfig(scoringModelKind, candidate(14), ALICE, deps());
    const outcome = await rollbackConfig(scoringModelKind, 1, { by: 'bob', reason: 'too many MQLs' }, deps());

    expect(outcome).toMatchObject({
      outcome: 'published',
      version: { version: 3, rollbackOf: 1, label: modelFile.version, document: modelFile },
    });
    expect((await store.audit(10)).map((entry) => [entry.version, entry.by, entry.rollbackOf])).toEqual([
      [3, 'bob', 1],
      [2, ALICE.by, undefined],
    ]);
  });

  it('rolls back to the repository file when nothing was published, as an unchanged outcome', async () => {
    const outcome = await rollbackConfig(scoringModelKind, 1, ALICE, deps());
    expect(outcome.outcome).toBe('unchanged');
  });

  it('names a version that does not exist', async () => {
    await expect(rollbackConfig(scoringModelKind, 7, ALICE, deps())).rejects.toThrow(
      UnknownConfigVersionError,
    );
  });
});
