import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadStageConfig } from '#infra/cdk/config/load-stage-config.ts';
import { senderIdentityOf, sendingPolicyOf } from '#infra/cdk/config/sender-settings.ts';
import { contactsTable } from '#infra/tables.ts';
import { functions as declaredFunctions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { localConsoleSite } from './console-site.ts';
import { startDynamoDbLocal } from './dynamodb/dynamodb-local.ts';
import { ensureTable } from './dynamodb/ensure-table.ts';
import { startEventBridgeEndpoint } from './eventbridge/endpoint.ts';
import { LocalEventBus } from './eventbridge/local-event-bus.ts';
import { type Gateway, startGateway } from './gateway.ts';
import type { Route } from './http/route-table.ts';
import {
  type InvocationReport,
  importedHandlerModules,
  type LocalFunction,
  localFunction,
} from './lambda/local-function.ts';
import { type LocalEndpoints, localEnvironment } from './local-environment.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './paths.ts';
import { createReadiness } from './readiness.ts';
import { parseScheduleExpression } from './schedule/schedule-expression.ts';
import { type RunningScheduler, type ScheduledJob, startScheduler } from './scheduler.ts';
import { sesAccountAnswer, startSesLocal } from './ses/ses-local.ts';
import { LOCAL_CONFIGURATION_SET } from './ses-feedback-event.ts';

export interface LocalRuntimePorts {
  readonly gateway?: number;
  readonly dynamodb?: number;
  readonly ses?: number;
  readonly eventbridge?: number;
}

export interface LocalRuntimeOptions {
  /** Interface the gateway, SES and EventBridge listen on (DynamoDB Local listens on all). */
  readonly host?: string;
  /** 0 picks a free port; unset means the `npm start` defaults ({@link DEFAULT_PORTS}). */
  readonly ports?: LocalRuntimePorts;
  /** Local state: DynamoDB data under `dynamodb/`, pid records under `processes/`. */
  readonly dataDir?: string;
  /** Deletes the kept DynamoDB data before starting. */
  readonly fresh?: boolean;
  /** Keeps DynamoDB data in memory only (tests). */
  readonly inMemory?: boolean;
  /** The functions to run; the declared `functions` of infra/wiring by default. */
  readonly functions?: Readonly<Record<string, FunctionDeclaration>>;
  readonly log?: (line: string) => void;
  /** Extra environment variables, set last (they win over the runtime's own). */
  readonly env?: Readonly<Record<string, string>>;
  /** Waits between retries of a failing event target; Lambda's async retry (1 s, 2 s) by default. */
  readonly eventRetryDelaysMs?: readonly number[];
  /** Told of every function invocation, e.g. so the benchmark can add up handler time. */
  readonly onInvocation?: (report: InvocationReport) => void;
  /**
   * The stage configuration whose deploy-time values (the team's notification lists) the functions
   * get, as in AWS: `infra/cdk/config/<stage>.json`; `dev` by default.
   */
  readonly stage?: string;
  /** Serve the marketing console at the gateway's `/` (built with esbuild at start); on by default. */
  readonly console?: boolean;
}

/** The deploy-time values of a stage's configuration that the functions get, as in AWS. */
function stageValues(stage: string) {
  const config = loadStageConfig({ stage });
  const sender = senderIdentityOf(config);
  return {
    notifications: config.notifications,
    formSites: config.forms,
    // Mail as the stage sends it: its sender and identity, policy, and a stand-in for SES's quota.
    mailFrom: config.mail.from,
    ...(sender ? { mailSender: JSON.stringify(sender) } : {}),
    mailConfigurationSet: LOCAL_CONFIGURATION_SET,
    sendingPolicy: JSON.stringify(sendingPolicyOf(config)),
    sesAccount: sesAccountAnswer(config.mail.sending.localQuota),
  };
}

export interface LocalRuntime {
  readonly urls: LocalEndpoints;
  readonly bus: LocalEventBus;
  readonly tableName: string;
  /** The DynamoDB Local Java process, so a test can check that it is gone after stop(). */
  readonly dynamoDbPid: number;
  /** Invokes a function directly, as `aws lambda invoke` would, e.g. a scheduled one in a test. */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /** Stops the schedules, the servers and DynamoDB Local, and restores the environment; idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_PORTS = { gateway: 3000, dynamodb: 8000, ses: 8005, eventbridge: 8010 } as const;
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_EVENT_BUS_NAME = 'leadflow-local';
/** The stage configuration the local runtime reads, as `cdk deploy` does by default. */
export const LOCAL_STAGE = 'dev';
/** DynamoDB wants 3+ characters; the prefix keeps the table recognisable in a shared DynamoDB Local. */
export const LOCAL_TABLE_NAME = `leadflow-${contactsTable.id.toLowerCase()}`;

/**
 * Handler modules build their SDK clients once, on their first invocation, from the environment of
 * that moment, and stay cached for the life of the process: a second runtime in the same process
 * would send their calls to the first one's (closed) ports. One at a time is therefore enforced.
 */
let running = false;

/** No new work first (timers, requests), then the emulators, the database, and the environment last. */
const STOP_ORDER = ['scheduler', 'gateway', 'eventbridge', 'ses', 'dynamodb', 'environment'] as const;
type StopOrder = (typeof STOP_ORDER)[number];

/**
 * Starts the local AWS runtime from the wiring declaration: DynamoDB Local with the contacts table,
 * SES and EventBridge emulators, an HTTP gateway for the declared routes, rules for the declared
 * event patterns and timers for the declared schedules. Functions run in this process; their
 * environment (endpoints, resource names, development secrets) is set before any of them is imported.
 *
 * On a failure part-way, whatever was already started is stopped before the error is rethrown.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  if (running) throw new Error('A local runtime is already running in this process; stop it first.');
  running = true;
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const declarations = options.functions ?? declaredFunctions;
  if (importedHandlerModules() > 0) {
    log(
      'runtime: handlers imported under an earlier runtime in this process keep their SDK clients, ' +
        'built for its endpoints; start each runtime in a fresh process (a test file of its own)',
    );
  }

  const stoppers = new Map<StopOrder, () => Promise<void>>();
  const stopAll = async (): Promise<void> => {
    // In STOP_ORDER (no new work first, the database last); every part is stopped even if one fails to.
    const failures: unknown[] = [];
    for (const part of STOP_ORDER) {
      const stopPart = stoppers.get(part);
      stoppers.delete(part);
      await stopPart?.().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0)
      throw new AggregateError(failures, 'Some parts of the local runtime did not stop cleanly.');
  };

  try {
    const bus = new LocalEventBus({
      name: LOCAL_EVENT_BUS_NAME,
      accountId: LOCAL_ACCOUNT_ID,
      region: LOCAL_REGION,
      log,
      ...(options.eventRetryDelaysMs ? { retryDelaysMs: options.eventRetryDelaysMs } : {}),
    });
    const localFunctions = new Map(
      Object.entries(declarations).map(([name, declaration]) => [
        name,
        localFunction({
          name,
          declaration,
          rootDir: REPO_ROOT,
          region: LOCAL_REGION,
          accountId: LOCAL_ACCOUNT_ID,
          log,
          ...(options.onInvocation ? { onInvocation: options.onInvocation } : {}),
        }),
      ]),
    );
    const triggers = collectTriggers(localFunctions);
    for (const fn of localFunctions.values()) {
      if (!existsSync(join(REPO_ROOT, fn.declaration.entry))) {
        log(
          `runtime: ${fn.name}'s handler ${fn.declaration.entry} does not exist yet; invoking it fails until it does`,
        );
      }
    }
    const readiness = createReadiness();

    const gateway: Gateway = await startGateway({
      host,
      port: ports.gateway,
      routes: triggers.routes,
      readiness,
      bus,
      accountId: LOCAL_ACCOUNT_ID,
      log,
      ...(options.console === false ? {} : { site: localConsoleSite() }),
    });
    stoppers.set('gateway', () => gateway.close());

    if (options.fresh && !options.inMemory)
      await rm(join(dataDir, 'dynamodb'), { recursive: true, force: true });
    const [dynamodb, ses, eventbridge] = await startParts([
      async () => {
        const started = await startDynamoDbLocal({
          port: ports.dynamodb,
          dbPath: options.inMemory ? undefined : join(dataDir, 'dynamodb'),
          stateDir: dataDir,
          log,
        });
        stoppers.set('dynamodb', () => started.stop());
        const outcome = await createContactsTable(started.url);
        log(`dynamodb: table ${LOCAL_TABLE_NAME} ${outcome}`);
        readiness.markReady('dynamodb');
        return started;
      },
      async () => {
        const started = await startSesLocal({ host, port: ports.ses });
        stoppers.set('ses', () => started.close());
        readiness.markReady('ses');
        return started;
      },
      async () => {
        const started = await startEventBridgeEndpoint({ host, port: ports.eventbridge, buses: bus });
        stoppers.set('eventbridge', () => started.close());
        readiness.markReady('eventbridge');
        return started;
      },
    ] as const);

    const urls: LocalEndpoints = {
      gateway: gateway.url,
      dynamodb: dynamodb.url,
      ses: ses.url,
      eventbridge: eventbridge.url,
    };
    const restoreEnvironment = applyEnvironment({
      ...localEnvironment({
        functions: declarations,
        endpoints: urls,
        region: LOCAL_REGION,
        tableName: LOCAL_TABLE_NAME,
        eventBusName: LOCAL_EVENT_BUS_NAME,
        ...stageValues(options.stage ?? LOCAL_STAGE),
        current: process.env,
      }),
      ...options.env,
    });
    stoppers.set('environment', async () => restoreEnvironment());

    for (const rule of triggers.rules) bus.addRule(rule);
    const scheduler: RunningScheduler = startScheduler({
      jobs: triggers.schedules,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      log,
    });
    stoppers.set('scheduler', async () => scheduler.stop());
    readiness.markReady('functions');

    let stopping: Promise<void> | undefined;
    return {
      urls,
      bus,
      tableName: LOCAL_TABLE_NAME,
      dynamoDbPid: dynamodb.pid,
      invoke(functionName, event) {
        const target = localFunctions.get(functionName);
        if (!target) return Promise.reject(new Error(`No function named ${functionName} is declared.`));
        return target.invoke(event);
      },
      stop() {
        stopping ??= stopAll().finally(() => {
          running = false;
        });
        return stopping;
      },
    };
  } catch (error) {
    await stopAll().catch((stopError: unknown) =>
      log(`runtime: cleanup after a failed start: ${String(stopError)}`),
    );
    running = false;
    throw error;
  }
}

interface Triggers {
  readonly routes: Route<LocalFunction>[];
  readonly rules: {
    name: string;
    pattern: Readonly<Record<string, unknown>>;
    target: (event: unknown) => Promise<void>;
  }[];
  readonly schedules: ScheduledJob[];
}

/** Turns every declared trigger into a route, a bus rule or a schedule bound to its function. */
function collectTriggers(localFunctions: ReadonlyMap<string, LocalFunction>): Triggers {
  const triggers: Triggers = { routes: [], rules: [], schedules: [] };
  for (const fn of localFunctions.values()) {
    for (const trigger of fn.declaration.triggers) {
      if (trigger.kind === 'http') {
        triggers.routes.push({ method: trigger.method, path: trigger.path, target: fn });
      } else if (trigger.kind === 'event') {
        triggers.rules.push({
          name: trigger.ruleName,
          pattern: trigger.pattern,
          // A rejection makes the bus retry and then dead-letter, as Lambda's async invoke does.
          target: async (event) => {
            await fn.invoke(event);
          },
        });
      } else {
        // Fail before any process is started, not after DynamoDB Local's JVM has booted.
        parseScheduleExpression(trigger.expression);
        triggers.schedules.push({
          functionName: fn.name,
          ruleName: trigger.ruleName,
          expression: trigger.expression,
          invoke: (event) => fn.invoke(event),
        });
      }
    }
  }
  return triggers;
}

/**
 * Runs the start-ups side by side and waits for all of them, so that when one fails the others have
 * finished starting (and registered their stoppers) before the caller cleans up.
 */
async function startParts<const T extends readonly (() => Promise<unknown>)[]>(
  starters: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results = await Promise.allSettled(starters.map((start) => start()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
  };
}

async function createContactsTable(endpoint: string) {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    return await ensureTable(client, contactsTable, LOCAL_TABLE_NAME);
  } finally {
    client.destroy();
  }
}

/** Sets the variables and returns how to put the previous values back. */
function applyEnvironment(variables: Readonly<Record<string, string>>): () => void {
  const previous = new Map(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
