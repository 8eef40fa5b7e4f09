import { SETTLED_STAGES, type Stage } from '#shared/contact/stage.ts';
import { ANSWER_KEYS, type Score } from '#shared/scoring/score.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';

export interface StageDecision {
  readonly stage: Stage;
  /** Plain words, stored with the transition and shown to sales. */
  readonly reason: string;
}

/**
 * Applies the model's qualification policy to a fresh score. Prospect, customer and disqualified
 * are never left automatically, and a lead waiting in review stays there until a person decides
 * or it qualifies outright.
 */
export function decideStage(current: Stage, score: Score, policy: ScoringModel['policy']): StageDecision {
  if (SETTLED_STAGES.has(current)) {
    return { stage: current, reason: `${current} is only changed by a person` };
  }
  const autoQualify = autoQualification(score, policy.autoQualify);
  if (autoQualify) return { stage: 'prospect', reason: autoQualify };
  if (current === 'review') return { stage: 'review', reason: 'waiting for a sales review' };
  if (score.handRaiser && policy.review.onHandRaiser) {
    return { stage: 'review', reason: 'asked to talk to the team; qualification answers incomplete' };
  }
  if (score.total >= policy.review.minScore) {
    return { stage: 'review', reason: `score ${score.total} ≥ review threshold ${policy.review.minScore}` };
  }
  return { stage: 'lead', reason: `score ${score.total} below review threshold ${policy.review.minScore}` };
}

function autoQualification(score: Score, rule: ScoringModel['policy']['autoQualify']): string | undefined {
  const allAnswers = score.knownAnswers.length === ANSWER_KEYS.length;
  if (rule.requireAllAnswers && !allAnswers) return undefined;
  if (rule.requireBusinessEmail && !score.businessEmail) return undefined;
  if (rule.handRaiserWithAllAnswers && score.handRaiser && allAnswers) {
    return 'asked to talk to the team with budget, authority, need and timeline known';
  }
  if (score.total >= rule.minScore) {
    return `score ${score.total} ≥ qualification threshold ${rule.minScore}${allAnswers ? ' with all answers known' : ''}`;
  }
  return undefined;
}
