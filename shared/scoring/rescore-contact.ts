import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { commitStage } from '#shared/lifecycle/commit-stage.ts';
import { decideStage, lifecycleContextOf } from '#shared/lifecycle/decide-stage.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import { scoreContact } from './score-contact.ts';
import type { ScoringModel } from './scoring-model.ts';

export interface RescoreDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly model: ScoringModel;
}

export interface RescoreOutcome {
  readonly score: Score;
  readonly stage: Stage;
  readonly qualified: boolean;
  readonly reviewRequested: boolean;
}

/** Concurrent activities on one contact race on its version; each loser re-reads and re-scores. */
const MAX_ATTEMPTS = 8;

/** Thrown when the contact an event refers to was never recorded (a producer bug): worth a dead letter. */
export class ContactNotFoundError extends Error {
  override name = 'ContactNotFoundError';
}

/**
 * Thrown when the contact was erased on request after the event was put: the event raced the
 * erasure, there is nothing left to score and nothing to retry.
 */
export class ContactErasedError extends Error {
  override name = 'ContactErasedError';
}

/**
 * Re-scores a contact from its whole history and applies the lifecycle policy. The write is
 * optimistic on the contact version, so of two concurrent scorers exactly one moves a lead to
 * prospect (or review), and only that one announces it.
 *
 * `by` names what triggered it in the recorded transition: the scorer after an activity, or the
 * scheduled re-score when time alone moved the score. `bulkJobId` marks the hand-offs of a bulk
 * re-score, which people hear of in the job's one summary.
 */
export async function rescoreContact(
  contactId: string,
  deps: RescoreDeps,
  by = 'scorer',
  bulkJobId?: string,
): Promise<RescoreOutcome> {
  return retryOnConflict(
    async () => {
      const loaded = await deps.contacts.load(contactId);
      if (!loaded) {
        if (await deps.contacts.erasedAt(contactId)) {
          throw new ContactErasedError(`Contact ${contactId} was erased; its activity is not scored.`);
        }
        throw new ContactNotFoundError(`Contact ${contactId} does not exist.`);
      }
      const { contact, activities } = loaded;
      const score = scoreContact(
        { contact, email: classifyEmail(contact.email), activities },
        deps.model,
        deps.clock(),
      );
      const decision = decideStage(contact.stage, score, deps.model.policy, lifecycleContextOf(contact));
      const outcome = await commitStage(
        loaded,
        score,
        { ...decision, by, ...(bulkJobId ? { bulkJobId } : {}) },
        deps,
      );
      if (outcome === 'conflict') return outcome;
      return {
        score,
        stage: outcome.stage,
        qualified: outcome.qualification !== undefined,
        reviewRequested: outcome.review !== undefined,
      };
    },
    {
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () =>
        new Error(
          `Contact ${contactId} kept changing during ${MAX_ATTEMPTS} scoring attempts; the event will be retried.`,
        ),
    },
  );
}
