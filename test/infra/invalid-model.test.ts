import { afterEach, describe, expect, it, vi } from 'vitest';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };

/** The published model with one mistake a person editing it could make. */
function withBrokenGrade() {
  const broken = structuredClone(modelFile) as Record<string, any>;
  broken.fit.grades.A = 'forty-five';
  return broken;
}

const EXPECTED =
  /Invalid scoring model in shared\/scoring\/models\/b2b-default\.json:\n- fit\.grades\.A: Invalid input: expected number/;

/**
 * The wiring declaration is what both `cdk synth` (through the stacks) and `npm start` (through the
 * local runtime) load first, so an invalid model must stop each of them before anything is built.
 */
describe('an invalid scoring model', () => {
  afterEach(() => {
    vi.doUnmock('#shared/scoring/models/b2b-default.json');
    vi.resetModules();
  });

  it.each([
    ['the wiring declaration', () => import('#infra/wiring/functions.ts')],
    ['cdk synth (the CDK stacks)', () => import('#infra/cdk/leadflow-stacks.ts')],
    ['npm start (the local runtime)', () => import('#infra/local/runtime.ts')],
  ])('is refused by %s, naming the file and the exact path', async (_name, load) => {
    vi.resetModules();
    vi.doMock('#shared/scoring/models/b2b-default.json', () => ({ default: withBrokenGrade() }));
    await expect(load()).rejects.toThrow(EXPECTED);
  });

  it('is accepted again once fixed', async () => {
    vi.resetModules();
    const { functions } = await import('#infra/wiring/functions.ts');
    expect(functions.contactScorer.environment.LEADFLOW_SCORING_MODEL_VERSION).toBe(modelFile.version);
  });
});
