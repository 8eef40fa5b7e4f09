import { randomUUID } from 'node:crypto';
import { contactScored } from '#events/contact-scored.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { strongestInterest } from '#shared/activity/interest.ts';
import { type EventPublisher, type OutgoingEvent, outgoing } from '#shared/adapters/event-publisher.ts';
import type { Qualification } from '#shared/contact/contact.ts';
import type { ContactRepository, StageTransition } from '#shared/contact/contact-repository.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import type { Stage } from '#shared/contact/stage.ts';
import { decideStage } from '#shared/lifecycle/decide-stage.ts';
import { prospectQualifiedDetail } from '#shared/lifecycle/prospect-qualified-detail.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { Score } from './score.ts';
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
}

/** Concurrent activities on one contact race on its version; each loser re-reads and re-scores. */
const MAX_ATTEMPTS = 8;

/** Thrown when the contact an event refers to does not exist (erased, or a producer bug). */
export class ContactNotFoundError extends Error {
  override name = 'ContactNotFoundError';
}

/**
 * Re-scores a contact from its whole history and applies the lifecycle policy. The write is
 * optimistic on the contact version, so of two concurrent scorers exactly one moves a lead to
 * prospect, and only that one puts "Prospect Qualified".
 */
export async function rescoreContact(contactId: string, deps: RescoreDeps): Promise<RescoreOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const loaded = await deps.contacts.load(contactId);
    if (!loaded) throw new ContactNotFoundError(`Contact ${contactId} does not exist.`);
    const { contact, activities } = loaded;
    const now = deps.clock();
    const score = scoreContact({ contact, email: classifyEmail(contact.email), activities }, deps.model, now);
    const decision = decideStage(contact.stage, score, deps.model.policy);
    const at = now.toISOString();
    const transition: StageTransition | undefined =
      decision.stage === contact.stage
        ? undefined
        : { from: contact.stage, to: decision.stage, at, by: 'scorer', reason: decision.reason };
    const qualification: Qualification | undefined =
      transition?.to === 'prospect'
        ? { qualificationId: `q_${randomUUID()}`, qualifiedAt: at, by: { kind: 'auto' } }
        : undefined;
    const interest = strongestInterest(activities);
    const saved = await deps.contacts.saveScore(contactId, contact.version, {
      score,
      stage: decision.stage,
      interest,
      transition,
      qualification,
    });
    if (saved === 'conflict') continue;

    const events: OutgoingEvent[] = [
      outgoing(contactScored, {
        version: 1,
        contactId,
        score: score.total,
        stage: decision.stage,
        previousStage: contact.stage,
        interest,
        modelVersion: score.modelVersion,
        scoredAt: at,
      }),
    ];
    if (qualification) {
      const detail = prospectQualifiedDetail(contact, score, activities, qualification, decision.reason);
      events.push(outgoing(prospectQualified, detail));
    }
    await deps.events.publish(events);
    return { score, stage: decision.stage, qualified: qualification !== undefined };
  }
  throw new Error(
    `Contact ${contactId} kept changing during ${MAX_ATTEMPTS} scoring attempts; the event will be retried.`,
  );
}
