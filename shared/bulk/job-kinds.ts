import type { AnyJobKind } from './job-kind.ts';
import { backfillFunnelKind, backfillListIndexesKind } from './kinds/backfill-kinds.ts';
import { rescoreAllKind, rescoreDueKind } from './kinds/rescore-kinds.ts';
import { simulateKind } from './kinds/simulate-kind.ts';

/** Every kind of bulk job, by name. A new kind is one file in kinds/ and one line here. */
export const JOB_KINDS: Readonly<Record<string, AnyJobKind>> = Object.fromEntries(
  [rescoreAllKind, rescoreDueKind, simulateKind, backfillFunnelKind, backfillListIndexesKind].map((kind) => [
    kind.name,
    kind,
  ]),
);

/** The kinds a person may start (the console, the API); the stale-score drain is the schedule's own. */
export const STARTABLE_KINDS = [
  'rescore-all',
  'simulate',
  'backfill-funnel',
  'backfill-list-indexes',
] as const;
