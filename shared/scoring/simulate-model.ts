import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { SETTLED_STAGES } from '#shared/contact/settled-stages.ts';
import { decideStage } from '#shared/lifecycle/decide-stage.ts';
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
 * Replays every stored contact's history under the published model and under a candidate, as the
 * next re-score after publishing would: the same stage rules (settled stages stay, a rejected lead
 * needs new engagement), the same activities, the same instant. A contact "changes" when the two
 * models would put it in different stages, so the report isolates the effect of the model change.
 */
export function simulateModel(
  histories: Iterable<ContactHistory>,
  current: ScoringModel,
  candidate: ScoringModel,
  now: Date,
  examplesPerTransition = 3,
): SimulationReport {
  let contacts = 0;
  let settled = 0;
  let gradeChanges = 0;
  let scoreChange = 0;
  const transitions: Record<string, number> = {};
  const examples: SimulatedChange[] = [];
  for (const { contact, activities } of histories) {
    contacts += 1;
    const input = { contact, email: classifyEmail(contact.email), activities };
    const before = scoreContact(input, current, now);
    const after = scoreContact(input, candidate, now);
    scoreChange += after.total - before.total;
    if (before.grade !== after.grade) gradeChanges += 1;
    if (SETTLED_STAGES.has(contact.stage)) {
      settled += 1;
      continue;
    }
    const context = { recycledAt: contact.recycledAt };
    const from = decideStage(contact.stage, before, current.policy, context).stage;
    const next = decideStage(contact.stage, after, candidate.policy, context);
    if (next.stage === from) continue;
    const key = `${from} → ${next.stage}`;
    transitions[key] = (transitions[key] ?? 0) + 1;
    if (transitions[key] <= examplesPerTransition) {
      examples.push(change(contact.contactId, contact.email, from, next.stage, before, after, next.reason));
    }
  }
  return {
    at: now.toISOString(),
    currentVersion: current.version,
    candidateVersion: candidate.version,
    contacts,
    settled,
    changed: Object.values(transitions).reduce((total, count) => total + count, 0),
    transitions,
    examples,
    gradeChanges,
    meanScoreChange: contacts === 0 ? 0 : Math.round((scoreChange / contacts) * 10) / 10,
  };
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
