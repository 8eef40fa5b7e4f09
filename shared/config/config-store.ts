import type { ConfigVersion } from './config-version.ts';

/** One line of the audit list: a publish or a rollback, without the document itself. */
export type AuditEntry = Omit<ConfigVersion, 'document' | 'changes'> & { readonly changeCount: number };

/**
 * Where versions are kept. `append` writes new versions and moves the current pointer to the last
 * of them in one transaction, only if the current version is still `expectedCurrent` (none, for a
 * kind never published); otherwise it writes nothing and answers `conflict`.
 */
export interface ConfigStore {
  current(kind: string): Promise<ConfigVersion | undefined>;
  version(kind: string, version: number): Promise<ConfigVersion | undefined>;
  /** Newest first. */
  history(kind: string, limit: number): Promise<ConfigVersion[]>;
  append(
    kind: string,
    versions: readonly ConfigVersion[],
    expectedCurrent: number | undefined,
  ): Promise<'appended' | 'conflict'>;
  /** Every publish and rollback of every kind (the last version of each append), newest first. */
  audit(limit: number): Promise<AuditEntry[]>;
}
