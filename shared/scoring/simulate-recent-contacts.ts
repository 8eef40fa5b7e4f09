import type { ContactDirectory } from '#shared/contact/contact-directory.ts';
import type { ContactHistory, ContactHistoryReader } from '#shared/contact/contact-history.ts';
import type { ScoringModel } from './scoring-model.ts';
import { type SimulationReport, simulateModel } from './simulate-model.ts';

/** The most contacts one simulation over HTTP replays; `npm run model -- simulate` replays them all. */
export const MAX_SIMULATION_SAMPLE = 500;
/** Contact histories read at once: enough to keep a sample of 500 within a few seconds. */
const PARALLEL_READS = 10;

export interface SimulationSampleDeps {
  readonly directory: ContactDirectory;
  readonly histories: ContactHistoryReader;
  readonly model: ScoringModel;
  readonly clock: () => Date;
}

export interface SampledSimulation {
  readonly report: SimulationReport;
  /**
   * Which contacts were replayed: the most recently updated leads and leads in review, or (`every`)
   * every stored contact.
   */
  readonly sample: { readonly requested: number; readonly contacts: number; readonly every?: true };
}

/**
 * A candidate model's simulation on a bounded sample, for the console: the `size` most recently
 * updated contacts in `lead` or `review`, the only stages a model moves. It reads one index page and
 * one partition per contact, so its cost is bounded whatever the size of the table.
 */
export async function simulateOnRecentContacts(
  candidate: ScoringModel,
  size: number,
  deps: SimulationSampleDeps,
): Promise<SampledSimulation> {
  const requested = Math.min(Math.max(1, size), MAX_SIMULATION_SAMPLE);
  const page = await deps.directory.list({
    stages: ['lead', 'review'],
    sort: 'updated',
    order: 'desc',
    limit: requested,
  });
  const ids = page.contacts.map((entry) => entry.contactId);
  const histories: ContactHistory[] = [];
  for (let start = 0; start < ids.length; start += PARALLEL_READS) {
    const batch = await Promise.all(
      ids.slice(start, start + PARALLEL_READS).map((id) => deps.histories.history(id)),
    );
    for (const history of batch) if (history) histories.push(history);
  }
  return {
    report: simulateModel(histories, deps.model, candidate, deps.clock(), 5),
    sample: { requested, contacts: histories.length },
  };
}

/**
 * A candidate model's simulation on every stored contact, as `npm run model -- simulate` does: the
 * console's "simulate before publish" over the whole base, until bulk jobs replay it in parallel.
 * It reads the whole table once, so it is bounded by the function's timeout (a few tens of thousands
 * of contacts); the command line has no such bound.
 */
export async function simulateOnEveryContact(
  candidate: ScoringModel,
  deps: {
    readonly everyContact: () => Promise<ContactHistory[]>;
    readonly model: ScoringModel;
    readonly clock: () => Date;
  },
): Promise<SampledSimulation> {
  const histories = await deps.everyContact();
  return {
    report: simulateModel(histories, deps.model, candidate, deps.clock(), 5),
    sample: { requested: histories.length, contacts: histories.length, every: true },
  };
}
