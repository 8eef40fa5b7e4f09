import type { AccountQuota } from '#shared/sending/decide-quota.ts';
import type { AccountQuotaSource } from '#shared/sending/nurture-gate.ts';
import type {
  BreakerState,
  BreakerStore,
  CountedFeedback,
  SendingLedger,
  SendingTotals,
} from '#shared/sending/sending-ledger.ts';

const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/** The sending ledger in memory, by UTC hour, feedback counted once per message and kind. */
export class InMemorySendingLedger implements SendingLedger {
  readonly hours = new Map<string, { sends: number; bounces: number; complaints: number }>();
  private readonly counted = new Set<string>();

  private hour(at: Date) {
    const key = hourOf(at);
    const hour = this.hours.get(key) ?? { sends: 0, bounces: 0, complaints: 0 };
    this.hours.set(key, hour);
    return hour;
  }

  async countSend(at: Date): Promise<void> {
    this.hour(at).sends += 1;
  }

  async countFeedback(messageId: string, kind: CountedFeedback, at: Date): Promise<void> {
    if (this.counted.has(`${messageId}#${kind}`)) return;
    this.counted.add(`${messageId}#${kind}`);
    this.hour(at)[kind === 'bounce' ? 'bounces' : 'complaints'] += 1;
  }

  async totals(from: Date, to: Date): Promise<SendingTotals> {
    const totals = { sends: 0, bounces: 0, complaints: 0 };
    for (const [hour, counts] of this.hours) {
      if (hour < hourOf(from) || hour > hourOf(to)) continue;
      totals.sends += counts.sends;
      totals.bounces += counts.bounces;
      totals.complaints += counts.complaints;
    }
    return totals;
  }
}

export class InMemoryBreakerStore implements BreakerStore {
  state: BreakerState = { status: 'closed' };
  version = 0;

  async load() {
    return { state: this.state, version: this.version };
  }

  async save(state: BreakerState, expectedVersion: number): Promise<'saved' | 'conflict'> {
    if (expectedVersion !== this.version) return 'conflict';
    this.state = state;
    this.version += 1;
    return 'saved';
  }
}

/** An account whose quota the test sets, as SES's GetAccount would report it. */
export class FixedAccountQuota implements AccountQuotaSource {
  current: AccountQuota;

  constructor(quota: Partial<AccountQuota> = {}) {
    this.current = { max24HourSend: 50_000, maxSendRate: 14, sentLast24Hours: 0, ...quota };
  }

  async quota(): Promise<AccountQuota> {
    return this.current;
  }
}
