import { type Environment, readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/** The settings every bulk job runs under (declared in the settings catalogue; see docs/bulk-jobs.md). */
export interface BulkSettings {
  /** Most segments a job fans out into: each is one chain of invocations, so the job's concurrency. */
  readonly maxSegments: number;
  /** Items one invocation processes side by side. */
  readonly itemConcurrency: number;
  /** Items read per page of a segment (one Scan or Query call). */
  readonly pageSize: number;
  /** Most pages per piece: pieces stay short even with time to spare, so cancels and ETAs are prompt. */
  readonly pagesPerPiece: number;
}

export const BULK_SETTINGS = {
  maxSegments: SETTINGS.bulkMaxSegments,
  itemConcurrency: SETTINGS.bulkItemConcurrency,
  pageSize: SETTINGS.bulkPageSize,
  pagesPerPiece: SETTINGS.bulkPagesPerPiece,
} as const;

/** The names of the settings, for the wiring and for tests that run small pieces. */
export const BULK_ENV = {
  maxSegments: BULK_SETTINGS.maxSegments.name,
  itemConcurrency: BULK_SETTINGS.itemConcurrency.name,
  pageSize: BULK_SETTINGS.pageSize.name,
  pagesPerPiece: BULK_SETTINGS.pagesPerPiece.name,
} as const;

export const DEFAULT_BULK_SETTINGS: BulkSettings = bulkSettingsFrom({});

/** Reads the settings from the environment; a bad value stops the cold start with its name. */
export function bulkSettingsFrom(env?: Environment): BulkSettings {
  return {
    maxSegments: readSetting(BULK_SETTINGS.maxSegments, env),
    itemConcurrency: readSetting(BULK_SETTINGS.itemConcurrency, env),
    pageSize: readSetting(BULK_SETTINGS.pageSize, env),
    pagesPerPiece: readSetting(BULK_SETTINGS.pagesPerPiece, env),
  };
}
