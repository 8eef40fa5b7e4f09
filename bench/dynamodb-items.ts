import type { TableDefinition, TableIndex } from '#infra/tables.ts';

/** An item as DynamoDB's wire protocol spells it: `{ pk: { S: 'CONTACT#…' }, score: { M: {…} } }`. */
export type WireItem = Record<string, WireValue>;
export type WireValue = Record<string, unknown>;

/** Why a call touched an item, from its key: the single-table layout in shared/adapters/dynamodb. */
export function purposeOf(pk: string, sk?: string): string {
  if (pk === 'OUTBOX#ACTIVITY') return 'activity outbox entry';
  if (pk === 'FUNNEL') return 'funnel day counter';
  if (pk.startsWith('SEND_RATE#')) return 'send-rate counter';
  if (pk.startsWith('DIGEST#')) return 'digest entry of the day';
  if (!pk.startsWith('CONTACT#')) return `other (${pk.split('#')[0]})`;
  if (sk === undefined) return 'contact partition (profile and history)';
  if (sk === 'PROFILE') return 'contact profile';
  if (sk === 'NURTURE') return 'nurture state';
  if (sk === 'DIGEST_SEEN') return 'digest once-only marker';
  const prefix = sk.split('#')[0];
  const byPrefix: Record<string, string> = {
    ACTIVITY: 'activity (idempotency key)',
    TRANSITION: 'stage transition',
    EMAIL: 'sent email record',
    FUNNEL: 'funnel once-only marker',
    NOTICE: 'notice once-only marker',
  };
  return byPrefix[prefix ?? ''] ?? `contact ${prefix}`;
}

export function stringOf(value: WireValue | undefined): string | undefined {
  return typeof value?.S === 'string' ? value.S : undefined;
}

/**
 * An item's size as DynamoDB bills it: attribute names plus values (strings and binaries by their
 * bytes, numbers about one byte per two digits plus one, maps and lists three bytes plus one per
 * element). DynamoDB's own rounding differs by a few bytes at most; what matters is the 1 KB steps.
 */
export function itemSize(item: WireItem): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}

function valueSize(value: WireValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return Buffer.byteLength(String(inner));
    case 'N':
      return numberSize(String(inner));
    case 'B':
      return Buffer.from(String(inner), 'base64').byteLength;
    case 'SS':
      return (inner as string[]).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, number) => sum + numberSize(number), 0);
    case 'L':
      return (inner as WireValue[]).reduce((sum, element) => sum + 1 + valueSize(element), 3);
    case 'M':
      return Object.entries(inner as WireItem).reduce(
        (sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element),
        3,
      );
    default:
      return 1;
  }
}

function numberSize(number: string): number {
  const digits =
    number
      .replace(/^-/, '')
      .replace(/[.eE].*$/, '')
      .replace(/^0+/, '').length || 1;
  return Math.ceil(digits / 2) + 1;
}

/** Write units of `bytes`: one per started kilobyte. */
export const writeUnitsOf = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** One index write an item write causes, as AWS bills it. */
export interface IndexWrite {
  readonly index: string;
  readonly kind: 'put' | 'delete' | 'update' | 'key change (delete + put)';
  readonly units: number;
}

/**
 * The index writes of one item write, by AWS's rule: an entry that appears is a put, one that
 * disappears a delete, a changed index key a delete and a put, a changed projected attribute an
 * update, each ceil(projected size / 1 KB); an item not in the index before nor after, or whose
 * projected attributes did not change, costs the index nothing.
 */
export function indexWritesOf(
  table: TableDefinition,
  before: WireItem | undefined,
  after: WireItem | undefined,
): IndexWrite[] {
  return table.globalSecondaryIndexes.flatMap((index): IndexWrite[] => {
    const old = before && projected(table, index, before);
    const now = after && projected(table, index, after);
    if (!old && !now) return [];
    if (!old && now) return [{ index: index.indexName, kind: 'put', units: writeUnitsOf(itemSize(now)) }];
    if (old && !now) return [{ index: index.indexName, kind: 'delete', units: writeUnitsOf(itemSize(old)) }];
    if (!old || !now) return [];
    const keyChanged = [index.partitionKey, index.sortKey].some((key) => !sameValue(old[key], now[key]));
    if (keyChanged) {
      const units = writeUnitsOf(itemSize(old)) + writeUnitsOf(itemSize(now));
      return [{ index: index.indexName, kind: 'key change (delete + put)', units }];
    }
    if (sameValue({ M: old }, { M: now })) return [];
    return [{ index: index.indexName, kind: 'update', units: writeUnitsOf(itemSize(now)) }];
  });
}

/** The item's entry in an index, or undefined when the item lacks the index's keys (sparse index). */
function projected(table: TableDefinition, index: TableIndex, item: WireItem): WireItem | undefined {
  if (!item[index.partitionKey] || !item[index.sortKey]) return undefined;
  if (!index.projectedAttributes) return item;
  const kept = new Set([table.partitionKey, table.sortKey, index.partitionKey, index.sortKey]);
  for (const attribute of index.projectedAttributes) kept.add(attribute);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}
