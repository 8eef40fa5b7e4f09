import type { Stage } from '#events/vocabulary/stage.ts';
import { type QualificationAnswers, readingsAfter } from '#shared/contact/contact.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { commitStage } from '#shared/lifecycle/commit-stage.ts';
import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import type { RescoreDeps } from '#shared/scoring/rescore-contact.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { DECISION_FROM, type ReviewDecisionKind } from './review-rules.ts';

export interface ReviewDecision {
  readonly decision: ReviewDecisionKind;
  /** Why, in the reviewer's words; stored with the transition and sent with the events. */
  readonly reason?: string;
  /** Who decided: the authenticated person, or the name the caller gave; or the CRM that reported a won deal. */
  readonly reviewer: string;
  /** A person (the review API, the console), or a CRM integration (a "Deal Won" event). */
  readonly decidedBy?: 'person' | 'crm';
  /** BANT/GPCT answers learned while reviewing (a call, an email); stored with the contact. */
  readonly answers?: QualificationAnswers;
}

const OUTCOME: Readonly<Record<ReviewDecisionKind, { stage: Stage; verb: string }>> = {
  accept: { stage: 'prospect', verb: 'accepted' },
  reject: { stage: 'lead', verb: 'rejected' },
  disqualify: { stage: 'disqualified', verb: 'disqualified' },
  won: { stage: 'customer', verb: 'won' },
};

export type DecideReviewOutcome =
  | { readonly outcome: 'decided'; readonly stage: Stage; readonly qualificationId?: string }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'not-allowed'; readonly stage: Stage };

const MAX_ATTEMPTS = 8;

/**
 * Applies a person's decision on a contact: re-scores it (with any answers they learned), moves it
 * and records who and why, in one conditional write; then announces it ("Prospect Qualified" on
 * accept, with the reviewer as `qualifiedBy`; "Contact Scored" in every case, so nurture resumes
 * after a rejection).
 */
export async function decideReview(
  contactId: string,
  input: ReviewDecision,
  deps: RescoreDeps,
): Promise<DecideReviewOutcome> {
  const { stage, verb } = OUTCOME[input.decision];
  return retryOnConflict(
    async (): Promise<DecideReviewOutcome | 'conflict'> => {
      const loaded = await deps.contacts.load(contactId);
      if (!loaded) return { outcome: 'not-found' };
      const { contact, activities } = loaded;
      if (!DECISION_FROM[input.decision].includes(contact.stage)) {
        return { outcome: 'not-allowed', stage: contact.stage };
      }
      const now = deps.clock();
      const given = nonEmpty(input.answers);
      const answers = { ...contact.answers, ...given };
      // An answer a person gives is free text, read by the model: it replaces a picklist's reading.
      const answerReadings = readingsAfter(contact.answerReadings, given ?? {}, undefined);
      const recycledAt = input.decision === 'reject' ? now.toISOString() : contact.recycledAt;
      const score = scoreContact(
        {
          contact: { ...contact, answers, answerReadings, recycledAt },
          email: classifyEmail(contact.email),
          activities,
        },
        deps.model,
        now,
      );
      const reason = `${verb} by ${input.reviewer}: ${input.reason?.trim() || 'no reason given'}`;
      const committed = await commitStage(
        loaded,
        score,
        {
          stage,
          reason,
          by: `${input.decidedBy ?? 'person'}:${input.reviewer}`,
          qualifiedBy: { kind: 'person', id: input.reviewer },
          recycledAt: input.decision === 'reject' ? recycledAt : undefined,
          answers: nonEmpty(input.answers),
        },
        deps,
      );
      if (committed === 'conflict') return committed;
      return { outcome: 'decided', stage, qualificationId: committed.qualification?.qualificationId };
    },
    {
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () =>
        new Error(
          `Contact ${contactId} kept changing during ${MAX_ATTEMPTS} attempts to apply a review decision.`,
        ),
    },
  );
}

function nonEmpty(answers: QualificationAnswers | undefined): QualificationAnswers | undefined {
  if (!answers) return undefined;
  const known = Object.entries(answers).filter(
    ([, value]) => typeof value === 'string' && value.trim() !== '',
  );
  return known.length > 0 ? Object.fromEntries(known) : undefined;
}
