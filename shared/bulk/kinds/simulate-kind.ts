import * as z from 'zod/mini';
import { type ScoringModel, scoringModelSchema } from '#shared/scoring/scoring-model.ts';
import {
  emptyTally,
  mergeTallies,
  reportOf,
  type SimulationTally,
  tallyContact,
} from '#shared/scoring/simulate-model.ts';
import { InvalidJobInputError, type JobKind } from '../job-kind.ts';

/** Examples of each stage change a simulation keeps: enough to judge, small enough for the job item. */
export const SIMULATION_EXAMPLES = 5;

const inputSchema = z.object({
  model: z.unknown(),
  /** The instant every contact is replayed at, fixed when the job starts. */
  at: z.optional(z.iso.datetime()),
});

export interface SimulateInput {
  readonly model: ScoringModel;
  readonly at: string;
}

type Tally = SimulationTally & Readonly<Record<string, unknown>>;

/**
 * A candidate model replayed over every stored contact with its whole history (streamed from a
 * parallel Scan, one page and one contact at a time), beside the published model: what publishing
 * the candidate would change. It only reads; the job's result is the simulation report.
 */
export const simulateKind: JobKind<'histories', SimulateInput, Tally> = {
  name: 'simulate',
  source: 'histories',
  description: 'Replays a candidate scoring model over every stored contact (reads only).',
  parseInput(input, now) {
    const parsed = inputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidJobInputError('simulate needs { "model": <candidate model> }.');
    const candidate = scoringModelSchema.safeParse(parsed.data.model);
    if (!candidate.success) {
      const paths = candidate.error.issues.map(
        (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
      throw new InvalidJobInputError(`The candidate model is invalid: ${paths.join('; ')}`);
    }
    return { model: candidate.data, at: parsed.data.at ?? now.toISOString() };
  },
  itemKey: (history) => history.contact.contactId,
  empty: () => emptyTally() as Tally,
  process: async (history, { input, deps }) =>
    tallyContact(history, deps.model, input.model, new Date(input.at)) as Tally,
  merge: (a, b) => mergeTallies(a, b, SIMULATION_EXAMPLES) as Tally,
  result: (total, input, deps) => ({ ...reportOf(total, deps.model, input.model, new Date(input.at)) }),
  counts: (total) => ({
    contacts: total.contacts,
    changed: Object.values(total.transitions).reduce((sum, count) => sum + count, 0),
  }),
};
