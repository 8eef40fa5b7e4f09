import { GRADES, type Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { SETTLED_STAGES } from '#shared/contact/settled-stages.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';

export interface StageDecision {
  readonly stage: Stage;
  /** Plain words, stored with the transition and shown to sales. */
  readonly reason: string;
}

export interface LifecycleContext {
  /** When sales last rejected this contact's review (see Contact.recycledAt). */
  readonly recycledAt?: string;
  /** When an import created this contact (see Contact.importedAt). */
  readonly importedAt?: string;
}

/** What besides its score the policy needs to know of a contact. */
export function lifecycleContextOf(contact: Pick<Contact, 'recycledAt' | 'importedAt'>): LifecycleContext {
  return { recycledAt: contact.recycledAt, importedAt: contact.importedAt };
}

/**
 * Applies the model's qualification policy to a fresh score. Prospect, customer and disqualified
 * are never left automatically; a lead waiting in review stays there until a person decides, it
 * qualifies outright, or a disqualifying rule applies; and a lead whose review was rejected, or
 * that an import brought in, moves again only on activity after the rejection or the import.
 */
export function decideStage(
  current: Stage,
  score: Score,
  policy: ScoringModel['policy'],
  context: LifecycleContext = {},
): StageDecision {
  if (SETTLED_STAGES.has(current)) {
    return { stage: current, reason: `${current} is only changed by a person` };
  }
  const disqualifying = score.breakdown.find((line) => policy.disqualify.onRules.includes(line.rule));
  if (disqualifying) {
    return {
      stage: 'disqualified',
      reason: `disqualified by rule ${disqualifying.rule}: ${disqualifying.reason}`,
    };
  }
  const { recycledAt } = context;
  if (recycledAt && !(score.lastSignOfLifeAt && score.lastSignOfLifeAt > recycledAt)) {
    return {
      stage: 'lead',
      reason: `recycled on ${recycledAt.slice(0, 10)}; waiting for a sign of life (a form, a meeting booked)`,
    };
  }
  const { importedAt } = context;
  if (importedAt && !(score.lastEngagedAt && score.lastEngagedAt > importedAt)) {
    return {
      stage: 'lead',
      reason: `imported on ${importedAt.slice(0, 10)}; its history is scored, a hand-off waits for new engagement`,
    };
  }
  const quietSince = [recycledAt, importedAt]
    .filter((at) => at !== undefined)
    .sort()
    .at(-1);
  const handRaised = Boolean(score.lastHandRaiseAt && (!quietSince || score.lastHandRaiseAt > quietSince));
  const autoQualify = autoQualification(score, handRaised, policy.autoQualify);
  if (autoQualify && recycledAt && !policy.recycle.autoQualify) {
    const reason = `recycled on ${recycledAt.slice(0, 10)}, back through review by a person: ${autoQualify}`;
    return { stage: 'review', reason };
  }
  if (autoQualify) return { stage: 'prospect', reason: autoQualify };
  if (current === 'review') return { stage: 'review', reason: 'waiting for a sales review' };
  const blocking = blockingNegatives(score, policy.autoQualify);
  if (handRaised && policy.review.onHandRaiser) {
    const why = blocking.length > 0 ? `answered no to ${blocking.join(', ')}` : 'qualification not complete';
    return { stage: 'review', reason: `asked to talk to the team; ${why}` };
  }
  const { minScore, minEngagement } = policy.review;
  if (score.total >= minScore && score.engagement >= minEngagement) {
    return { stage: 'review', reason: `score ${score.total} ≥ review threshold ${minScore}` };
  }
  if (score.total >= minScore) {
    return {
      stage: 'lead',
      reason: `engagement ${score.engagement} below the ${minEngagement} needed for review`,
    };
  }
  return { stage: 'lead', reason: `score ${score.total} below review threshold ${minScore}` };
}

/** The negative answers that keep a contact from qualifying without a person. */
function blockingNegatives(score: Score, rule: ScoringModel['policy']['autoQualify']): string[] {
  return (score.negativeAnswers ?? []).filter((key) => rule.blockOnNegative.includes(key));
}

function autoQualification(
  score: Score,
  handRaised: boolean,
  rule: ScoringModel['policy']['autoQualify'],
): string | undefined {
  if (blockingNegatives(score, rule).length > 0) return undefined;
  const complete = score.completeFrameworks ?? [];
  const required = rule.requireCompleteFramework;
  const framework = required.length > 0 ? required.find((name) => complete.includes(name)) : complete[0];
  if (required.length > 0 && !framework) return undefined;
  if (rule.requireBusinessEmail && !score.businessEmail) return undefined;
  if (rule.minGrade && GRADES.indexOf(score.grade) > GRADES.indexOf(rule.minGrade)) return undefined;
  const known = framework ? ` with ${framework} complete` : '';
  if (rule.handRaiserWithCompleteFramework && handRaised && framework) {
    return `asked to talk to the team${known}`;
  }
  if (score.total >= rule.minScore)
    return `score ${score.total} ≥ qualification threshold ${rule.minScore}${known}`;
  return undefined;
}
