import { dueSlice } from '#shared/bulk/due-slices.ts';
import { type InProcessSignals, inProcessSignals } from '#shared/bulk/in-process-signals.ts';
import type { ContactListBackfill } from '#shared/bulk/job-kind.ts';
import { JOB_KINDS } from '#shared/bulk/job-kinds.ts';
import type { JobRuntime } from '#shared/bulk/job-runtime.ts';
import { DEFAULT_BULK_SETTINGS } from '#shared/bulk/job-settings.ts';
import type { JobSource, JobSources, SourcePage } from '#shared/bulk/job-source.ts';
import { MemoryJobStore } from '#shared/bulk/memory-job-store.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';
import { InMemoryContactRepository } from './in-memory-contact-repository.ts';
import { InMemoryFunnelStore } from './in-memory-funnel-store.ts';
import { RecordingPublisher } from './recording-publisher.ts';

/**
 * Items split over segments, read `pageSize` at a time after the key of the last one read, as
 * DynamoDB's ExclusiveStartKey does: an item leaving the set meanwhile shifts nothing.
 */
function pagedSource<Item>(
  items: (input: Readonly<Record<string, unknown>>, segment: number, segments: number) => [string, Item][],
  pageSize: number,
): JobSource<Item> {
  return {
    async page({ segment, segments, cursor, input }): Promise<SourcePage<Item>> {
      const after = items(input, segment, segments)
        .sort(([a], [b]) => a.localeCompare(b))
        .filter(([key]) => cursor === undefined || key > cursor);
      const page = after.slice(0, pageSize);
      const last = page.at(-1)?.[0];
      return {
        items: page.map(([, item]) => item),
        ...(after.length > pageSize && last ? { cursor: last } : {}),
      };
    },
    async estimate(input) {
      return items(input, 0, 1).length;
    },
  };
}

/** The job sources over an in-memory contact repository, segmented like a parallel Scan. */
export function inMemoryJobSources(contacts: InMemoryContactRepository, pageSize: number): JobSources {
  const ids = (segment: number, segments: number) =>
    [...contacts.contacts.keys()].sort().filter((_, index) => index % segments === segment);
  const history = (contactId: string): [string, ContactHistory][] => {
    const contact = contacts.contacts.get(contactId);
    if (!contact) return [];
    return [
      [
        contactId,
        { contact, activities: contacts.activities.get(contactId) ?? [], transitions: [], emails: [] },
      ],
    ];
  };
  return {
    contacts: pagedSource(
      (_input, segment, segments) =>
        ids(segment, segments).map((contactId) => [
          contactId,
          {
            contactId,
            has: { scoreTotal: contacts.contacts.get(contactId)?.score !== undefined, searchText: true },
          },
        ]),
      pageSize,
    ),
    histories: pagedSource((_input, segment, segments) => ids(segment, segments).flatMap(history), pageSize),
    due: pagedSource((input, segment, segments) => {
      const range = dueSlice(segment, segments, String(input.from ?? input.dueBy), String(input.dueBy));
      return [...contacts.rescoreDueAt]
        .filter(([, at]) => at <= range.to && (range.from === undefined || at >= range.from))
        .map(([contactId, at]): [string, { contactId: string }] => [`${at}|${contactId}`, { contactId }]);
    }, pageSize),
  };
}

export interface InMemoryJobs {
  readonly runtime: JobRuntime;
  readonly store: MemoryJobStore;
  readonly signals: InProcessSignals;
  readonly contacts: InMemoryContactRepository;
  readonly events: RecordingPublisher;
  readonly funnel: InMemoryFunnelStore;
}

/** A whole job runtime in memory, pieces run in-process: small pages so that pieces hand on. */
export function inMemoryJobs(options: {
  clock: Clock;
  contacts?: InMemoryContactRepository;
  model?: ScoringModel;
  pageSize?: number;
  pagesPerPiece?: number;
  maxSegments?: number;
  listIndexes?: ContactListBackfill;
}): InMemoryJobs {
  const contacts = options.contacts ?? new InMemoryContactRepository();
  const events = new RecordingPublisher();
  const funnel = new InMemoryFunnelStore();
  const store = new MemoryJobStore();
  const signals = inProcessSignals();
  const settings = {
    ...DEFAULT_BULK_SETTINGS,
    pageSize: options.pageSize ?? 2,
    pagesPerPiece: options.pagesPerPiece ?? 2,
    maxSegments: options.maxSegments ?? 3,
  };
  const runtime: JobRuntime = {
    store,
    sources: inMemoryJobSources(contacts, settings.pageSize),
    kinds: JOB_KINDS,
    bulk: {
      contacts,
      events,
      clock: options.clock,
      model: fixedConfig(options.model ?? defaultScoringModel),
      funnel,
      listIndexes: options.listIndexes ?? { backfill: async () => 'current' },
    },
    signals,
    settings,
    clock: options.clock,
  };
  return { runtime, store, signals, contacts, events, funnel };
}
