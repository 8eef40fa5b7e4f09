import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { EventBridgeEvent as LambdaEventBridgeEvent } from 'aws-lambda';
import type { EventPattern } from '#infra/wiring/types.ts';
import { matchesEventPattern, validateEventPattern } from './event-pattern.ts';

/** The envelope EventBridge hands a target; the `aws-lambda` shape, so handlers accept it unchanged. */
export type EventBridgeEvent = LambdaEventBridgeEvent<string, unknown>;

export interface LocalRule {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly target: (event: EventBridgeEvent) => Promise<void>;
}

export interface BusEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  readonly resources?: readonly string[];
  readonly time?: Date;
}

/** An event a target kept failing on, kept so a developer (or a test) can see what was lost and why. */
export interface DeadLetter {
  readonly ruleName: string;
  readonly event: EventBridgeEvent;
  readonly errorMessage: string;
  readonly attempts: number;
}

export interface LocalEventBusOptions {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  /** A line per delivery outcome naming rule, detail-type and event id; never the detail (personal data). */
  readonly log?: (line: string) => void;
  /** Waits before each retry of a failed target; defaults to two retries, like Lambda's async invoke. */
  readonly retryDelaysMs?: readonly number[];
}

const LAMBDA_ASYNC_RETRY_DELAYS_MS: readonly number[] = [1000, 2000];

/**
 * An in-process EventBridge event bus: `put` records the envelope EventBridge would build and delivers it,
 * without waiting, to every rule whose pattern matches. Like a Lambda target invoked asynchronously, a
 * target that throws is retried and then dead-lettered, so one failing consumer never fails the producer.
 */
export class LocalEventBus {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly #log: (line: string) => void;
  readonly #retryDelaysMs: readonly number[];
  readonly #rules = new Map<string, LocalRule>();
  readonly #events: EventBridgeEvent[] = [];
  readonly #deadLetters: DeadLetter[] = [];
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: LocalEventBusOptions) {
    this.name = options.name;
    this.accountId = options.accountId;
    this.region = options.region;
    this.#log = options.log ?? (() => {});
    this.#retryDelaysMs = options.retryDelaysMs ?? LAMBDA_ASYNC_RETRY_DELAYS_MS;
  }

  /** The bus ARN, which `PutEvents` accepts in place of the name. */
  get arn(): string {
    return `arn:aws:events:${this.region}:${this.accountId}:event-bus/${this.name}`;
  }

  addRule(rule: LocalRule): void {
    if (this.#rules.has(rule.name))
      throw new Error(`Rule ${rule.name} already exists on event bus ${this.name}.`);
    const validation = validateEventPattern(rule.pattern);
    if (!validation.ok)
      throw new Error(`Rule ${rule.name} has an invalid event pattern: ${validation.message}`);
    this.#rules.set(rule.name, rule);
  }

  put(entry: BusEntry): EventBridgeEvent {
    if (typeof entry.detail !== 'object' || entry.detail === null || Array.isArray(entry.detail)) {
      throw new TypeError('An event detail must be a JSON object.');
    }
    const event: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: this.accountId,
      // EventBridge stamps whole seconds: 2024-05-01T10:00:00Z.
      time: (entry.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.region,
      resources: [...(entry.resources ?? [])],
      // A JSON round trip, as over the wire: targets get plain data, never the producer's objects.
      detail: JSON.parse(JSON.stringify(entry.detail)),
    };
    this.#events.push(event);
    for (const rule of this.#rules.values()) {
      if (matchesEventPattern(rule.pattern, event)) this.#deliver(rule, event);
    }
    return event;
  }

  /** Every event put on this bus, oldest first. */
  events(): readonly EventBridgeEvent[] {
    return [...this.#events];
  }

  deadLetters(): readonly DeadLetter[] {
    return [...this.#deadLetters];
  }

  /**
   * Resolves once no delivery is running or waiting for a retry, including deliveries of events that
   * targets put while the bus drained, so a test can wait for a whole chain of consumers to settle.
   */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Counted from here, synchronously inside `put`, so `idle()` called right after `put` already waits. */
  #deliver(rule: LocalRule, event: EventBridgeEvent): void {
    this.#inFlight += 1;
    void this.#attempt(rule, event).finally(() => {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) void this.#wakeIdleWaiters();
    });
  }

  async #attempt(rule: LocalRule, event: EventBridgeEvent): Promise<void> {
    const attempts = this.#retryDelaysMs.length + 1;
    const about = `rule ${rule.name}, ${event['detail-type']} ${event.id}`;
    await nextTurn();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await rule.target(structuredClone(event));
        this.#log(`eventbridge: delivered to ${about}`);
        return;
      } catch (error) {
        const delay = this.#retryDelaysMs[attempt - 1];
        if (delay === undefined) {
          const errorMessage = error instanceof Error ? error.message : String(error);
          this.#deadLetters.push({ ruleName: rule.name, event, errorMessage, attempts });
          this.#log(`eventbridge: dead-lettered ${about} after ${attempts} failed attempts`);
          return;
        }
        this.#log(
          `eventbridge: attempt ${attempt} of ${attempts} failed for ${about}; retrying in ${delay} ms`,
        );
        await sleep(delay);
      }
    }
  }

  /** Waits a turn first: a delivery finishing may be about to put the next event of a chain. */
  async #wakeIdleWaiters(): Promise<void> {
    await nextTurn();
    if (this.#inFlight !== 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
