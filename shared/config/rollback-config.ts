import type { ConfigKind } from './config-kind.ts';
import type { PublishedBy, PublishOutcome } from './config-version.ts';
import { type PublishDeps, publishConfig, seedVersion } from './publish-config.ts';

/** Thrown when a rollback names a version that was never published. */
export class UnknownConfigVersionError extends Error {
  override name = 'UnknownConfigVersionError';
}

/**
 * Rolls a kind back to an earlier version: publishes that version's document again, as a new
 * version that says which one it restores, so history only grows and the audit shows the rollback.
 * Version 1 is the repository file, also when it was never written.
 */
export async function rollbackConfig<T>(
  kind: ConfigKind<T>,
  to: number,
  author: PublishedBy,
  deps: PublishDeps,
): Promise<PublishOutcome> {
  const target =
    (await deps.store.version(kind.name, to)) ?? (to === 1 ? seedVersion(kind, deps.clock()) : undefined);
  if (!target) throw new UnknownConfigVersionError(`${kind.name} has no version ${to}.`);
  return publishConfig(kind, target.document, author, deps, to);
}
