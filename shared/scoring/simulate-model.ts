import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { SETTLED_STAGES } from '#shared/contact/settled-stages.ts';
import { decideStage, lifecycleContextOf } from '#shared/lifecycle/decide-stage.ts';
import { scoreContact } from './score-contact.ts';
import type { ScoringModel } from './scoring-model.ts';

export interface SimulatedChange {
  readonly contactId: string;
  readonly email: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly currentScore: number;
  readonly candidateScore: number;
  readonly reason: string;
}

export interface SimulationReport {
  readonly at: string;
  readonly currentVersion: string;
  readonly candidateVersion: string;
  readonly contacts: number;
  /** In customer, disqualified or prospect: no model moves them, only people do. */
  readonly settled: number;
  /** Contacts whose next re-score would give another stage under the candidate. */
  readonly changed: number;
  /** `lead → review`: how many. */
  readonly transitions: Readonly<Record<string, number>>;
  readonly examples: readonly SimulatedChange[];
  readonly gradeChanges: number;
  readonly meanScoreChange: number;
}

/**
 * What a simulation has counted so far: additive, so segments of a bulk job each count their share
 * and the sums make the report (scores are summed, the mean is taken at the end).
 */
export interface SimulationTally {
  readonly contacts: number;
  readonly settled: number;
  readonly gradeChanges: number;
  readonly scoreChangeSum: number;
  readonly transitions: Readonly<Record<string, number>>;
  readonly examples: readonly SimulatedChange[];
}

export const emptyTally = (): SimulationTally => ({
  contacts: 0,
  settled: 0,
  gradeChanges: 0,
  scoreChangeSum: 0,
  transitions: {},
  examples: [],
});

/**
 * One contact's replay under the published model and under a candidate, as the next re-score after
 * publishing would: the same stage rules (settled stages stay, a rejected lead needs new engagement),
 * the same activities, the same instant. It "changes" when the two models give different stages.
 */
export function tallyContact(
  { contact, activities }: Pick<ContactHistory, 'contact' | 'activities'>,
  current: ScoringModel,
  candidate: ScoringModel,
  now: Date,
): SimulationTally {
  const input = { contact, email: classifyEmail(contact.email), activities };
  const before = scoreContact(input, current, now);
  const after = scoreContact(input, candidate, now);
  const tally = {
    ...emptyTally(),
    contacts: 1,
    scoreChangeSum: after.total - before.total,
    gradeChanges: before.grade === after.grade ? 0 : 1,
  };
  if (SETTLED_STAGES.has(contact.stage)) return { ...tally, settled: 1 };
  const context = lifecycleContextOf(contact);
  const from = decideStage(contact.stage, before, current.policy, context).stage;
  const next = decideStage(contact.stage, after, candidate.policy, context);
  if (next.stage === from) return tally;
  return {
    ...tally,
    transitions: { [`${from} → ${next.stage}`]: 1 },
    examples: [change(contact.contactId, contact.email, from, next.stage, before, after, next.reason)],
  };
}

/** Adds two tallies, keeping at most `examplesPerTransition` examples of each stage change. */
export function mergeTallies(
  a: SimulationTally,
  b: SimulationTally,
  examplesPerTransition: number,
): SimulationTally {
  const transitions: Record<string, number> = { ...a.transitions };
  for (const [key, count] of Object.entries(b.transitions))
    transitions[key] = (transitions[key] ?? 0) + count;
  const kept: Record<string, number> = {};
  const examples = [...a.examples, ...b.examples].filter((example) => {
    const key = `${example.from} → ${example.to}`;
    kept[key] = (kept[key] ?? 0) + 1;
    return kept[key] <= examplesPerTransition;
  });
  return {
    contacts: a.contacts + b.contacts,
    settled: a.settled + b.settled,
    gradeChanges: a.gradeChanges + b.gradeChanges,
    scoreChangeSum: a.scoreChangeSum + b.scoreChangeSum,
    transitions,
    examples,
  };
}

export function reportOf(
  tally: SimulationTally,
  current: ScoringModel,
  candidate: ScoringModel,
  now: Date,
): SimulationReport {
  return {
    at: now.toISOString(),
    currentVersion: current.version,
    candidateVersion: candidate.version,
    contacts: tally.contacts,
    settled: tally.settled,
    changed: Object.values(tally.transitions).reduce((total, count) => total + count, 0),
    transitions: tally.transitions,
    examples: tally.examples,
    gradeChanges: tally.gradeChanges,
    meanScoreChange: tally.contacts === 0 ? 0 : Math.round((tally.scoreChangeSum / tally.contacts) * 10) / 10,
  };
}

/**
 * Replays contact histories under the published model and under a candidate (see tallyContact) and
 * reports the difference. It takes any iterable, so a caller may stream the histories through.
 */
export function simulateModel(
  histories: Iterable<Pick<ContactHistory, 'contact' | 'activities'>>,
  current: ScoringModel,
  candidate: ScoringModel,
  now: Date,
  examplesPerTransition = 3,
): SimulationReport {
  let tally = emptyTally();
  for (const history of histories) {
    tally = mergeTallies(tally, tallyContact(history, current, candidate, now), examplesPerTransition);
  }
  return reportOf(tally, current, candidate, now);
}

function change(
  contactId: string,
  email: string,
  from: Stage,
  to: Stage,
  before: Score,
  after: Score,
  reason: string,
): SimulatedChange {
  return { contactId, email, from, to, currentScore: before.total, candidateScore: after.total, reason };
}
