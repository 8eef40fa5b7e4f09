import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import { DynamoDbJobStore } from '#shared/adapters/dynamodb/dynamodb-job-store.ts';
import { busJobSignals } from '#shared/bulk/bus-signals.ts';
import { JOB_KINDS } from '#shared/bulk/job-kinds.ts';
import type { JobRuntime } from '#shared/bulk/job-runtime.ts';
import { type BulkSettings, bulkSettingsFrom } from '#shared/bulk/job-settings.ts';
import type { CurrentConfig } from '#shared/config/config-reader.ts';
import type { OwnerRouting } from '#shared/routing/assign-owner.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';
import type { ContactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbContactListBackfill } from './dynamodb/dynamodb-contact-list-backfill.ts';
import { DynamoDbContactRepository } from './dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbFunnelStore } from './dynamodb/dynamodb-funnel-store.ts';
import { dynamoDbJobSources } from './dynamodb/dynamodb-job-sources.ts';

export interface JobRuntimeParts {
  readonly table: ContactsTable;
  readonly events: EventPublisher;
  readonly clock: Clock;
  /** The model in force (see shared/config/config-reader.ts). */
  readonly model: CurrentConfig<ScoringModel>;
  /** Who follows up the hand-offs a re-score makes. */
  readonly owners?: OwnerRouting;
  /** Defaults to the settings in the environment (see job-settings.ts). */
  readonly settings?: BulkSettings;
  /** Defaults to the bus: one invocation per piece. */
  readonly signals?: JobRuntime['signals'];
  /** Defaults to the jobs in the table; a command running a job on its own keeps it in memory. */
  readonly store?: JobRuntime['store'];
}

/** The bulk-job runtime on the contacts table and the bus: the same for the worker, the API and the CLI. */
export function dynamoDbJobRuntime(parts: JobRuntimeParts): JobRuntime {
  const { documents, tableName } = parts.table;
  const settings = parts.settings ?? bulkSettingsFrom();
  return {
    store: parts.store ?? new DynamoDbJobStore(documents, tableName),
    sources: dynamoDbJobSources(documents, tableName, settings.pageSize),
    kinds: JOB_KINDS,
    bulk: {
      contacts: new DynamoDbContactRepository(documents, tableName),
      events: parts.events,
      clock: parts.clock,
      model: parts.model,
      owners: parts.owners,
      funnel: new DynamoDbFunnelStore(documents, tableName),
      listIndexes: new DynamoDbContactListBackfill(documents, tableName),
    },
    signals: parts.signals ?? busJobSignals(parts.events),
    settings,
    clock: parts.clock,
  };
}
