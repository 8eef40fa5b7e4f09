import type { AuditEntry, ConfigStore } from '#shared/config/config-store.ts';
import type { ConfigVersion } from '#shared/config/config-version.ts';

/**
 * A fake behind the ConfigStore interface with the same all-or-nothing append on the current
 * version; the DynamoDB store is proven against DynamoDB Local in the integration tests.
 */
export class InMemoryConfigStore implements ConfigStore {
  readonly versions = new Map<string, ConfigVersion[]>();
  private readonly entries: AuditEntry[] = [];
  reads = 0;
  /** Set to make every read fail, as an unreachable table would. */
  failing: Error | undefined;

  async current(kind: string): Promise<ConfigVersion | undefined> {
    this.reads += 1;
    if (this.failing) throw this.failing;
    return this.versions.get(kind)?.at(-1);
  }

  async version(kind: string, version: number): Promise<ConfigVersion | undefined> {
    return this.versions.get(kind)?.find((entry) => entry.version === version);
  }

  async history(kind: string, limit: number): Promise<ConfigVersion[]> {
    return [...(this.versions.get(kind) ?? [])].reverse().slice(0, limit);
  }

  async append(
    kind: string,
    versions: readonly ConfigVersion[],
    expectedCurrent: number | undefined,
  ): Promise<'appended' | 'conflict'> {
    const stored = this.versions.get(kind) ?? [];
    if (stored.at(-1)?.version !== expectedCurrent) return 'conflict';
    this.versions.set(kind, [...stored, ...versions]);
    const last = versions.at(-1);
    if (last) {
      const { document: _document, changes, ...entry } = last;
      this.entries.unshift({ ...entry, changeCount: changes.length });
    }
    return 'appended';
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    return this.entries.slice(0, limit);
  }
}
