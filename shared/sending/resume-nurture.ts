import type { Clock } from '#shared/runtime/clock.ts';
import type { BreakerStore } from './sending-ledger.ts';

export type ResumeOutcome =
  | { readonly outcome: 'resumed'; readonly resumedAt: string }
  | { readonly outcome: 'not-paused' };

/**
 * A person's recorded decision to resume nurture after the breaker paused it: who, when and why are
 * kept on the breaker, and the rolling window starts afresh from now (the bounces that tripped it
 * would trip it again at once otherwise).
 */
export async function resumeNurture(
  decision: { readonly by: string; readonly note: string },
  deps: { readonly breaker: BreakerStore; readonly clock: Clock },
): Promise<ResumeOutcome> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { state, version } = await deps.breaker.load();
    if (state.status !== 'open') return { outcome: 'not-paused' };
    const resumedAt = deps.clock().toISOString();
    const saved = await deps.breaker.save(
      { status: 'closed', sampleFrom: resumedAt, resumedAt, resumedBy: decision.by, note: decision.note },
      version,
    );
    if (saved === 'saved') return { outcome: 'resumed', resumedAt };
  }
  throw new Error('The breaker kept changing while resuming; try again.');
}
