import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { FUNCTION_DEFAULTS, type FunctionDeclaration } from '#infra/wiring/types.ts';
import { lambdaContext } from './lambda-context.ts';

/** A declared function as the local runtime runs it: in this process, with a Lambda-like context. */
export interface LocalFunction {
  readonly name: string;
  readonly declaration: FunctionDeclaration;
  /** Resolves with the handler's result; rejects with its error, or a timeout error at its deadline. */
  invoke(event: unknown): Promise<unknown>;
}

export interface LocalFunctionOptions {
  readonly name: string;
  readonly declaration: FunctionDeclaration;
  /** The directory `declaration.entry` is relative to: the repository root. */
  readonly rootDir: string;
  readonly region: string;
  readonly accountId: string;
  readonly log: (line: string) => void;
  readonly onInvocation?: (report: InvocationReport) => void;
}

/** One invocation as Lambda would bill it: handler time, not counting the first import. */
export interface InvocationReport {
  readonly functionName: string;
  readonly durationMs: number;
  readonly memoryMb: number;
  readonly succeeded: boolean;
}

type Handler = (event: unknown, context: Context) => unknown;

/** The invocation each piece of asynchronous work belongs to (all functions share one process). */
const running = new AsyncLocalStorage<string>();

/**
 * The name of the function whose invocation is running in the caller's asynchronous context, if any:
 * lets a tool that watches the process (the benchmark's DynamoDB ledger) say which function made a call.
 */
export function runningFunctionName(): string | undefined {
  return running.getStore();
}

/** A handler that outlived its declared timeout; Lambda reports it as `Sandbox.Timedout`. */
export class FunctionTimeoutError extends Error {
  override name = 'FunctionTimeoutError';
}

/**
 * Binds a declaration to its handler module. The module is imported on the first invocation, like a
 * Lambda cold start, and after the runtime has set the environment, so SDK clients built at module
 * scope pick up the local endpoints. A failed import is retried on the next invocation, so fixing a
 * syntax error needs no restart of the runtime.
 */
export function localFunction(options: LocalFunctionOptions): LocalFunction {
  const entryPath = resolve(options.rootDir, options.declaration.entry);
  const timeoutMs = (options.declaration.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds) * 1000;
  let loading: Promise<Handler> | undefined;

  const loadHandler = (): Promise<Handler> => {
    loading ??= importHandler(entryPath, options.declaration.entry).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  return {
    name: options.name,
    declaration: options.declaration,
    async invoke(event) {
      const handler = await loadHandler();
      const requestId = randomUUID();
      const context = lambdaContext({
        functionName: options.name,
        memoryMb: options.declaration.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
        timeoutMs,
        region: options.region,
        accountId: options.accountId,
        requestId,
      });
      const started = performance.now();
      const report = (succeeded: boolean) =>
        options.onInvocation?.({
          functionName: options.name,
          durationMs: performance.now() - started,
          memoryMb: options.declaration.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
          succeeded,
        });
      try {
        const result = await withTimeout(
          running.run(options.name, () => Promise.resolve().then(() => handler(event, context))),
          timeoutMs,
        );
        report(true);
        return result;
      } catch (error) {
        report(false);
        // The stack says where it failed; the event, which may hold personal data, is never logged.
        options.log(`lambda: ${options.name} failed (request ${requestId}): ${describe(error)}`);
        throw error;
      }
    },
  };
}

/** Handler modules imported by this process so far; they stay cached for its whole life. */
let importedModules = 0;

/** How many handler modules this process has imported (see runtime.ts on restarting in-process). */
export function importedHandlerModules(): number {
  return importedModules;
}

async function importHandler(entryPath: string, entry: string): Promise<Handler> {
  const module: unknown = await import(pathToFileURL(entryPath).href);
  importedModules += 1;
  const handler = (module as { handler?: unknown }).handler;
  if (typeof handler !== 'function') {
    throw new Error(`${entry} does not export a function named "handler".`);
  }
  return handler as Handler;
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FunctionTimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
