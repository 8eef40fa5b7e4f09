import diff from 'microdiff';
import type { ConfigChange } from './config-version.ts';

const CHANGE = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** Every difference from `before` to `after`, one per leaf, at dotted paths (`tracks.0.delay`). */
export function configChanges(before: unknown, after: unknown): ConfigChange[] {
  if (!isContainer(before) || !isContainer(after)) {
    return Object.is(before, after) ? [] : [{ path: '(root)', change: 'changed', before, after }];
  }
  return diff(before, after).map((difference) => ({
    path: difference.path.join('.'),
    change: CHANGE[difference.type],
    ...('oldValue' in difference ? { before: difference.oldValue } : {}),
    ...('value' in difference ? { after: difference.value } : {}),
  }));
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}
