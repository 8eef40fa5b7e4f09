import type { Clock } from '#shared/runtime/clock.ts';
import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import { configChanges } from './config-diff.ts';
import type { ConfigKind } from './config-kind.ts';
import type { ConfigStore } from './config-store.ts';
import type { ConfigVersion, PublishedBy, PublishOutcome } from './config-version.ts';

export interface PublishDeps {
  readonly store: ConfigStore;
  readonly clock: Clock;
}

/** Two people publishing at once race on the current version; the loser re-reads and tries again. */
const MAX_ATTEMPTS = 5;

/** Who "published" the repository file when it is written as version 1. */
export const REPOSITORY_AUTHOR: PublishedBy = { by: 'repository', reason: 'the repository file' };

/**
 * Publishes a candidate document of a kind:
 *   validates it (nothing is written when invalid, and every error is named with its path);
 *   compares it with the current version (the repository file when none was published) and writes
 *   nothing when it is the same;
 *   refuses a label (the model's `version`) that an earlier version used for different content;
 *   appends it as the next version with its diff, writing the repository file as version 1 first
 *   when the kind was never published, in one transaction with the current pointer.
 */
export async function publishConfig<T>(
  kind: ConfigKind<T>,
  candidate: unknown,
  author: PublishedBy,
  deps: PublishDeps,
  rollbackOf?: number,
): Promise<PublishOutcome> {
  const validation = kind.validate(candidate);
  if (!validation.ok) return { outcome: 'invalid', errors: validation.errors };
  const candidateDocument = validation.document;
  return retryOnConflict<PublishOutcome>(
    async () => {
      const stored = await deps.store.current(kind.name);
      const current = stored ?? seedVersion(kind, deps.clock());
      const changes = configChanges(current.document, candidate);
      if (changes.length === 0) return { outcome: 'unchanged', current };
      const label = kind.label?.(candidateDocument) ?? `v${current.version + 1}`;
      const reused = kind.label && (await labelUsedForOtherContent(label, candidate, current, deps.store));
      if (reused) {
        return {
          outcome: 'invalid',
          errors: [
            {
              path: 'version',
              message: `"${label}" already names version ${reused.version}, which differs; give this one a new name`,
            },
          ],
        };
      }
      const version: ConfigVersion = {
        kind: kind.name,
        version: current.version + 1,
        label,
        document: candidate,
        publishedAt: deps.clock().toISOString(),
        ...author,
        changes,
        ...(rollbackOf === undefined ? {} : { rollbackOf }),
      };
      const appended = await deps.store.append(
        kind.name,
        stored ? [version] : [current, version],
        stored?.version,
      );
      return appended === 'conflict' ? appended : { outcome: 'published', version };
    },
    {
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () => new Error(`Could not publish ${kind.name}: the current version kept changing.`),
    },
  );
}

/** The repository file as version 1, as it stands before anything was published. */
export function seedVersion<T>(kind: ConfigKind<T>, at: Date): ConfigVersion {
  const validation = kind.validate(kind.seed);
  if (!validation.ok) throw new Error(`${kind.file} is not a valid ${kind.name}.`);
  return {
    kind: kind.name,
    version: 1,
    label: kind.label?.(validation.document) ?? 'v1',
    document: kind.seed,
    publishedAt: at.toISOString(),
    ...REPOSITORY_AUTHOR,
    changes: [],
  };
}

async function labelUsedForOtherContent(
  label: string,
  candidate: unknown,
  current: ConfigVersion,
  store: ConfigStore,
): Promise<ConfigVersion | undefined> {
  const earlier = [current, ...(await store.history(current.kind, 1000))];
  return earlier.find(
    (version) => version.label === label && configChanges(version.document, candidate).length > 0,
  );
}
