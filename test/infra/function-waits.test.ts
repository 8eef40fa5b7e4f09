import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { functions } from '#infra/wiring/functions.ts';
import { FUNCTION_DEFAULTS, type FunctionDeclaration } from '#infra/wiring/types.ts';
import { SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { AFTER_WAIT_RESERVE_MS } from '#shared/runtime/invocation-window.ts';

const declarations: [string, FunctionDeclaration][] = Object.entries(functions);
const timeoutMs = (declaration: FunctionDeclaration) =>
  (declaration.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds) * 1000;
/** Room left for a cold start, reads and slowness: a tenth of the timeout, at least 2 seconds. */
const margin = (declaration: FunctionDeclaration) => Math.max(2_000, timeoutMs(declaration) / 10);

/** The waits a declaration sets: every `…_SLOT_WAIT_MS` setting of its environment. */
function declaredWaits(declaration: FunctionDeclaration): number[] {
  return Object.entries(declaration.environment ?? {})
    .filter(([name]) => name.endsWith('_SLOT_WAIT_MS'))
    .map(([, value]) => Number(value));
}

describe('every wait fits inside its function’s declared timeout', () => {
  it.each(declarations)(
    '%s: its declared waits, the send after them and a margin fit its timeout',
    (_name, declaration) => {
      const waits = declaredWaits(declaration);
      for (const wait of waits) expect(Number.isInteger(wait) && wait >= 0).toBe(true);
      const longest = Math.max(0, ...waits);
      expect(longest + AFTER_WAIT_RESERVE_MS + margin(declaration)).toBeLessThanOrEqual(
        timeoutMs(declaration),
      );
    },
  );

  it.each(declarations)(
    '%s: declares every slot wait its composition root reads',
    async (_name, declaration) => {
      const source = await readFile(new URL(`../../${declaration.entry}`, import.meta.url), 'utf8');
      for (const [key, name] of Object.entries(SLOT_WAIT_ENV)) {
        const reads = source.includes(`configuredSlotWaitMs(SLOT_WAIT_ENV.${key})`);
        expect(declaration.environment?.[name] !== undefined, name).toBe(reads);
      }
    },
  );

  it('holds the two team-email senders, which once waited 30 s in a 10 s function', () => {
    expect(declaredWaits(functions.salesNotifier)).toHaveLength(1);
    expect(declaredWaits(functions.dailyDigest)).toHaveLength(1);
  });
});
