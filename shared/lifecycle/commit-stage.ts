import { randomUUID } from 'node:crypto';
import { contactScored } from '#events/contact-scored.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { Activity } from '#shared/activity/activity.ts';
import { type EventPublisher, type OutgoingEvent, outgoing } from '#shared/activity/event-publisher.ts';
import { strongestInterest } from '#shared/activity/interest.ts';
import type { Contact, PendingReview, Qualification, QualificationAnswers } from '#shared/contact/contact.ts';
import type { Announcement, ContactRepository, StageTransition } from '#shared/contact/contact-repository.ts';
import { contactSearchText } from '#shared/contact/contact-search-text.ts';
import { SETTLED_STAGES } from '#shared/contact/settled-stages.ts';
import { countDeadLetteredHandOff } from '#shared/runtime/event-metrics.ts';
import { logger } from '#shared/runtime/logger.ts';
import {
  ANNOUNCE_RETRY_AFTER_MS,
  announceRetryDelayMs,
  describeAnnounceFailure,
  MAX_ANNOUNCE_ATTEMPTS,
  type PendingAnnouncement,
  pendingAnnouncement,
} from './announcement.ts';
import { leadReviewRequestedDetail, prospectQualifiedDetail } from './prospect-qualified-detail.ts';

export interface StageChange {
  readonly stage: Stage;
  readonly reason: string;
  /** Who or what decided: `scorer`, `scheduled re-score`, `person:<reviewer>`. */
  readonly by: string;
  /** How a new qualification came about; a person's id when sales accepted a review. */
  readonly qualifiedBy?: Qualification['by'];
  readonly recycledAt?: string;
  readonly answers?: QualificationAnswers;
  /** The bulk job making this change: its hand-offs are summarized per job (see bulkJobFinished). */
  readonly bulkJobId?: string;
}

export interface CommitDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
}

export interface CommitOutcome {
  readonly stage: Stage;
  readonly qualification?: Qualification;
  readonly review?: PendingReview;
  /** Hand-offs announced by this commit: new ones, and earlier ones whose announcement was lost. */
  readonly announced: readonly Announcement[];
}

/**
 * Saves a score with its stage (optimistic on the contact version: `conflict` means re-read and
 * decide again), then puts "Contact Scored" and the hand-off events, and marks those hand-offs as
 * announced. A new qualification or review is written in the same conditional write as the stage,
 * so of two concurrent writers only one creates it, and it is on the re-score schedule until it is
 * announced: a failure between the write and the put is re-announced, never lost.
 */
export async function commitStage(
  loaded: { readonly contact: Contact; readonly activities: readonly Activity[] },
  score: Score,
  change: StageChange,
  deps: CommitDeps,
): Promise<CommitOutcome | 'conflict'> {
  const { contact, activities } = loaded;
  const at = score.scoredAt;
  const now = Date.parse(at);
  const moved = change.stage !== contact.stage;
  const transition: StageTransition | undefined = moved
    ? { from: contact.stage, to: change.stage, at, by: change.by, reason: change.reason }
    : undefined;
  const qualification: Qualification | undefined =
    moved && change.stage === 'prospect'
      ? {
          qualificationId: `q_${randomUUID()}`,
          qualifiedAt: at,
          by: change.qualifiedBy ?? { kind: 'auto' },
          reason: change.reason,
        }
      : undefined;
  const review: PendingReview | undefined =
    moved && change.stage === 'review'
      ? { reviewRequestId: `r_${randomUUID()}`, requestedAt: at, reason: change.reason }
      : undefined;
  const after: Contact = {
    ...contact,
    answers: { ...contact.answers, ...change.answers },
    stage: change.stage,
    qualification: qualification ?? contact.qualification,
    review: change.stage === 'review' ? (review ?? contact.review) : undefined,
  };
  const pending = pendingAnnouncement(after);
  const saved = await deps.contacts.saveScore(contact.contactId, contact.version, {
    score,
    stage: change.stage,
    interest: strongestInterest(activities),
    transition,
    qualification,
    review,
    recycledAt: change.recycledAt,
    answers: change.answers,
    rescoreDueAt: rescoreDueAt(change.stage, score, pending, now),
    searchText: contactSearchText(contact),
  });
  if (saved === 'conflict') return 'conflict';

  const events: OutgoingEvent[] = [
    outgoing(contactScored, {
      version: 1,
      contactId: contact.contactId,
      score: score.total,
      stage: change.stage,
      previousStage: contact.stage,
      interest: strongestInterest(activities),
      modelVersion: score.modelVersion,
      scoredAt: at,
      grade: score.grade,
      breakdown: score.breakdown,
      stageReason: change.reason,
      firstScore: contact.score === undefined,
      contactCreatedAt: contact.createdAt,
    }),
  ];
  const announcing: PendingAnnouncement[] = [];
  const fresh =
    pending && (pending.id === qualification?.qualificationId || pending.id === review?.reviewRequestId);
  if (pending && (fresh || now - Date.parse(pending.since) >= ANNOUNCE_RETRY_AFTER_MS)) {
    announcing.push(pending);
    if (pending.kind === 'qualification' && after.qualification) {
      const { reason } = after.qualification;
      events.push(
        outgoing(
          prospectQualified,
          prospectQualifiedDetail(
            after,
            score,
            [...activities],
            after.qualification,
            reason ?? 'qualified',
            fresh ? change.bulkJobId : undefined,
          ),
        ),
      );
    } else if (pending.kind === 'review' && after.review) {
      events.push(
        outgoing(
          leadReviewRequested,
          leadReviewRequestedDetail(
            after,
            score,
            [...activities],
            after.review,
            fresh ? change.bulkJobId : undefined,
          ),
        ),
      );
    }
  }
  try {
    await deps.events.publish(events);
  } catch (error) {
    for (const announcement of announcing)
      await recordFailedAnnouncement(contact.contactId, announcement, error, at, deps);
    throw error;
  }
  for (const { kind, id } of announcing)
    await deps.contacts.markAnnounced(contact.contactId, { kind, id }, at);
  return {
    stage: change.stage,
    qualification,
    review,
    announced: announcing.map(({ kind, id }) => ({ kind, id })),
  };
}

/**
 * A put that failed after the hand-off was saved is never silent: the attempt and its cause are kept
 * on the hand-off (the console shows "announcement pending"), the contact is put back on the
 * schedule with a growing delay, and when the attempts run out the hand-off is dead-lettered:
 * counted (the `HandOffsDeadLettered` alarm) and still tried every few hours until it goes out.
 */
async function recordFailedAnnouncement(
  contactId: string,
  announcement: PendingAnnouncement,
  error: unknown,
  at: string,
  deps: CommitDeps,
): Promise<void> {
  const attempts = announcement.attempts + 1;
  const deadLettered = !announcement.deadLetteredAt && attempts >= MAX_ANNOUNCE_ATTEMPTS;
  const reason = describeAnnounceFailure(error);
  await deps.contacts.markAnnounceFailed(
    contactId,
    { kind: announcement.kind, id: announcement.id },
    {
      attempts,
      failure: { at, reason },
      retryAt: new Date(Date.parse(at) + announceRetryDelayMs(attempts)).toISOString(),
      ...(deadLettered ? { deadLetteredAt: at } : {}),
    },
  );
  if (deadLettered) {
    countDeadLetteredHandOff();
    logger.error('hand-off dead-lettered: its event could not be put', {
      contactId,
      kind: announcement.kind,
      attempts,
      reason,
    });
  } else {
    logger.warn('hand-off announcement failed; retried later', {
      contactId,
      kind: announcement.kind,
      attempts,
      reason,
    });
  }
}

/**
 * When the scheduled job should look at this contact again: when decay will have moved its score
 * (leads and reviews only), or shortly if a hand-off still waits to be announced.
 */
function rescoreDueAt(
  stage: Stage,
  score: Score,
  pending: PendingAnnouncement | undefined,
  now: number,
): string | undefined {
  const candidates: string[] = [];
  if (!SETTLED_STAGES.has(stage) && score.staleAfter) candidates.push(score.staleAfter);
  if (pending) candidates.push(new Date(now + announceRetryDelayMs(pending.attempts)).toISOString());
  return candidates.sort()[0];
}
