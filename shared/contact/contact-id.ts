import { createHash } from 'node:crypto';

/**
 * A contact's id is derived from its normalized address, so two concurrent first submissions from
 * one person converge on one record without a uniqueness lookup (and without a second write).
 */
export function contactIdFor(normalizedEmail: string): string {
  return `c_${createHash('sha256').update(normalizedEmail).digest('hex').slice(0, 32)}`;
}
