import type { AuditEntry } from '#shared/config/config-store.ts';
import type { ConfigChange, ConfigVersion } from '#shared/config/config-version.ts';

/** One line per difference: `~ fit.businessEmail: 10 → 14`, `+ …` added, `- …` removed. */
export function formatChanges(changes: readonly ConfigChange[]): string {
  if (changes.length === 0) return '  (no difference)\n';
  return changes
    .map((change) => {
      if (change.change === 'added') return `  + ${change.path}: ${show(change.after)}\n`;
      if (change.change === 'removed') return `  - ${change.path}: ${show(change.before)}\n`;
      return `  ~ ${change.path}: ${show(change.before)} → ${show(change.after)}\n`;
    })
    .join('');
}

/** `v3  b2b-default-3  2026-12-04T10:00:00.000Z  alice: pricing visits count more (rollback of v1)` */
export function formatHistoryLine(version: ConfigVersion | AuditEntry, withKind = false): string {
  const rollback = version.rollbackOf === undefined ? '' : ` (rollback to v${version.rollbackOf})`;
  const kind = withKind ? `${version.kind}  ` : '';
  return `${kind}v${version.version}  ${version.label}  ${version.publishedAt}  ${version.by}: ${version.reason}${rollback}\n`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
