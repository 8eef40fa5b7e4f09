import type { ConfigError } from './config-kind.ts';

/** One difference between two versions of a document, at a dotted path (`fit.grades.A`). */
export interface ConfigChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Who published a version and why; every version and the audit list record it. */
export interface PublishedBy {
  readonly by: string;
  readonly reason: string;
}

/**
 * One published version of a document. Versions are numbered from 1 per kind and never rewritten;
 * a rollback publishes an earlier version's document again under a new number.
 */
export interface ConfigVersion extends PublishedBy {
  readonly kind: string;
  readonly version: number;
  readonly label: string;
  /** The document as published (before defaults are filled in), so a rollback restores it exactly. */
  readonly document: unknown;
  readonly publishedAt: string;
  /** What changed since the previous version; empty for the first. */
  readonly changes: readonly ConfigChange[];
  /** The version whose document this one restores, for a rollback. */
  readonly rollbackOf?: number;
}

/** What a publish or rollback did; `invalid` and `unchanged` wrote nothing. */
export type PublishOutcome =
  | { readonly outcome: 'published'; readonly version: ConfigVersion }
  | { readonly outcome: 'unchanged'; readonly current: ConfigVersion }
  | { readonly outcome: 'invalid'; readonly errors: readonly ConfigError[] };
