import type { Clock } from '#shared/runtime/clock.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { ConfigKind } from './config-kind.ts';

/** The document in force and the version it came from (1 is the repository file). */
export interface ConfigSnapshot<T> {
  readonly document: T;
  readonly version: number;
}

/** What a function asks each time it needs the document; answered from a cache most of the time. */
export type CurrentConfig<T> = () => Promise<ConfigSnapshot<T>>;

/**
 * Use-case deps as a function holds them: the document under `key` is read (from the short cache)
 * at each invocation instead of being fixed at cold start.
 */
export type ReadPerInvocation<Deps, Key extends keyof Deps> = Omit<Deps, Key> & {
  readonly [K in Key]: CurrentConfig<Deps[K]>;
};

/** The one read a reader makes: the current version's number and document, if any was published. */
export type ReadCurrent = (
  kind: string,
) => Promise<{ readonly version: number; readonly document: unknown } | undefined>;

/** A published change takes effect within this long: about one read per warm container per minute. */
export const CONFIG_MAX_AGE_MS = 60_000;

export interface ReaderOptions {
  readonly clock: Clock;
  readonly maxAgeMs?: number;
}

/**
 * The reader every function uses for a kind it needs. It reads the current version at most once
 * per `maxAgeMs` (callers in between share the cached snapshot or the read in flight) and parses it
 * with the kind's schema. When the store cannot be read, it keeps serving the last snapshot and
 * tries again on the next call; with no snapshot yet the error is thrown, so the invocation is
 * retried rather than run on a guess. A stored document the deployed code no longer accepts (a
 * schema changed by a deploy) is logged and the repository file is used instead, so a deploy never
 * stops scoring or sending.
 */
export function cachedConfig<T>(
  kind: ConfigKind<T>,
  read: ReadCurrent,
  options: ReaderOptions,
): CurrentConfig<T> {
  const maxAgeMs = options.maxAgeMs ?? CONFIG_MAX_AGE_MS;
  let cached: { snapshot: ConfigSnapshot<T>; readAt: number } | undefined;
  let inFlight: Promise<ConfigSnapshot<T>> | undefined;

  const refresh = async (): Promise<ConfigSnapshot<T>> => {
    const startedAt = options.clock().getTime();
    try {
      const snapshot = parse(kind, await read(kind.name));
      cached = { snapshot, readAt: startedAt };
      return snapshot;
    } catch (error) {
      if (!cached) throw error;
      logger.warn('configuration not refreshed; keeping the last version read', {
        kind: kind.name,
        version: cached.snapshot.version,
        error: error instanceof Error ? error.name : String(error),
      });
      cached = { snapshot: cached.snapshot, readAt: startedAt };
      return cached.snapshot;
    }
  };

  return () => {
    if (cached && options.clock().getTime() - cached.readAt < maxAgeMs)
      return Promise.resolve(cached.snapshot);
    // Cleared once settled (never synchronously), so the next expired call reads again.
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/** A reader that always answers the same document: tests, and tools that run one document. */
export function fixedConfig<T>(document: T, version = 1): CurrentConfig<T> {
  const snapshot = { document, version };
  return () => Promise.resolve(snapshot);
}

function parse<T>(
  kind: ConfigKind<T>,
  stored: { readonly version: number; readonly document: unknown } | undefined,
): ConfigSnapshot<T> {
  if (stored) {
    const validation = kind.validate(stored.document);
    if (validation.ok) return { document: validation.document, version: stored.version };
    logger.error('stored configuration is not valid for this deployment; using the repository file', {
      kind: kind.name,
      version: stored.version,
      errors: validation.errors.map((error) => error.path),
    });
  }
  const seed = kind.validate(kind.seed);
  if (!seed.ok) throw new Error(`${kind.file} is not a valid ${kind.name}.`);
  return { document: seed.document, version: 1 };
}
