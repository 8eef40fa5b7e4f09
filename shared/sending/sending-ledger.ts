/** Emails sent and the feedback SES reported about them, over some span of time. */
export interface SendingTotals {
  readonly sends: number;
  /** Permanent (hard) bounces only: the ones SES's bounce rate counts. */
  readonly bounces: number;
  readonly complaints: number;
}

export type CountedFeedback = 'bounce' | 'complaint';

/** The ledger's name for mail sent, or feedback received, without a configuration set. */
export const NO_CONFIGURATION_SET = 'none';

/** SES's own tag on every message sent through a configuration set, echoed in its events. */
export const CONFIGURATION_SET_TAG = 'ses:configuration-set';

/** The ledger of one configuration set, by its name (feedback names the set it was sent through). */
export type LedgerFor = (configurationSet: string) => SendingLedger;

/**
 * What leadflow counts per configuration set, by hour: every email it sent (whatever the function),
 * and the hard bounces and complaints SES reported. The breaker reads a rolling window of it and the
 * quota check the last 24 hours.
 */
export interface SendingLedger {
  countSend(at: Date): Promise<void>;
  /** Counts one piece of feedback once, however often SES or EventBridge delivers it. */
  countFeedback(messageId: string, kind: CountedFeedback, at: Date): Promise<void>;
  /** Totals of the hours that start in [from, to). */
  totals(from: Date, to: Date): Promise<SendingTotals>;
}

/** Nurture sending as recorded: running, or paused by the breaker until a person resumes it. */
export type BreakerState =
  | {
      readonly status: 'closed';
      /** Feedback before this counts no more: the decision to resume starts a new sample. */
      readonly sampleFrom?: string;
      readonly resumedAt?: string;
      readonly resumedBy?: string;
      readonly note?: string;
    }
  | {
      readonly status: 'open';
      readonly trippedAt: string;
      readonly reason: 'bounces' | 'complaints';
      /** The window's figures when it tripped, as the console and the alarm show them. */
      readonly figures: BreakerFigures;
      readonly sampleFrom?: string;
    };

export interface BreakerFigures extends SendingTotals {
  readonly from: string;
  readonly to: string;
  readonly bounceRate: number;
  readonly complaintRate: number;
}

/** The stored breaker state and its version, for writes conditional on what was read. */
export interface BreakerStore {
  load(): Promise<{ readonly state: BreakerState; readonly version: number }>;
  save(state: BreakerState, expectedVersion: number): Promise<'saved' | 'conflict'>;
}
