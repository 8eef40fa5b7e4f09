import * as z from 'zod/mini';

/** The settings every bulk job runs under, set by the wiring declaration (see docs/bulk-jobs.md). */
export const BULK_ENV = {
  /** Most segments a job fans out into: each is one chain of invocations, so the job's concurrency. */
  maxSegments: 'LEADFLOW_BULK_MAX_SEGMENTS',
  /** Items one invocation processes side by side. */
  itemConcurrency: 'LEADFLOW_BULK_ITEM_CONCURRENCY',
  /** Items read per page of a segment (one Scan or Query call). */
  pageSize: 'LEADFLOW_BULK_PAGE_SIZE',
  /** Most pages per piece: pieces stay short even with time to spare, so cancels and ETAs are prompt. */
  pagesPerPiece: 'LEADFLOW_BULK_PAGES_PER_PIECE',
} as const;

export interface BulkSettings {
  readonly maxSegments: number;
  readonly itemConcurrency: number;
  readonly pageSize: number;
  readonly pagesPerPiece: number;
}

export const DEFAULT_BULK_SETTINGS: BulkSettings = {
  maxSegments: 8,
  itemConcurrency: 8,
  pageSize: 100,
  pagesPerPiece: 100,
};

const LIMITS: Record<keyof BulkSettings, readonly [number, number]> = {
  maxSegments: [1, 256],
  itemConcurrency: [1, 64],
  pageSize: [1, 1000],
  pagesPerPiece: [1, 10_000],
};

/** Reads the settings from the environment; a bad value stops the cold start with its name. */
export function bulkSettingsFrom(env: Readonly<Record<string, string | undefined>>): BulkSettings {
  const settings: Record<string, number> = {};
  for (const [key, name] of Object.entries(BULK_ENV) as [keyof BulkSettings, string][]) {
    const [min, max] = LIMITS[key];
    const raw = env[name];
    settings[key] =
      raw === undefined || raw === ''
        ? DEFAULT_BULK_SETTINGS[key]
        : z.coerce
            .number()
            .check(z.int(), z.minimum(min), z.maximum(max))
            .parse(raw, { error: () => `${name} must be a whole number from ${min} to ${max}` });
  }
  return settings as unknown as BulkSettings;
}
