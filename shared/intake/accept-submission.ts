import { normalizeEmail } from '#shared/contact/email.ts';
import { HttpProblem, problemType } from '#shared/http/problem.ts';
import { parseBody } from '#shared/http/request.ts';
import { logger } from '#shared/runtime/logger.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { issueVisitorToken, VISITOR_TOKEN_SECRET_NAME } from '#shared/tracking/visitor-token.ts';
import { formSubmissionSchema } from './form-submission.ts';
import {
  type RecordFormSubmissionDeps,
  type RecordOutcome,
  recordFormSubmission,
} from './record-form-submission.ts';

export interface AcceptSubmissionDeps extends RecordFormSubmissionDeps {
  readonly readSecret: (name: string) => Promise<string>;
}

export interface AcceptedSubmission extends RecordOutcome {
  /** Lets the website's `/track` beacon name this contact; absent when no token secret is configured. */
  readonly visitorToken?: string;
}

/** A genuine delivery, mapped to the canonical shape but not yet validated. */
export interface DeliveredDraft {
  readonly source: string;
  readonly deliveryId: string;
  readonly draft: unknown;
  readonly submittedAt?: string;
}

/**
 * The part of intake every source shares: validate the mapped submission (400 naming each field),
 * normalize the address (422 with the reason), record it once, and issue the visitor token.
 */
export async function acceptSubmission(
  delivered: DeliveredDraft,
  deps: AcceptSubmissionDeps,
): Promise<AcceptedSubmission> {
  const submission = parseBody(formSubmissionSchema, delivered.draft);
  const email = normalizeEmail(submission.email);
  if (!email.ok) {
    throw new HttpProblem({
      status: 422,
      type: problemType('invalid-email'),
      title: 'Invalid email address',
      detail: email.reason,
      extensions: { errors: [{ field: 'email', message: email.reason }] },
    });
  }
  const outcome = await recordFormSubmission(
    {
      source: delivered.source,
      deliveryId: delivered.deliveryId,
      email: email.email,
      submission,
      submittedAt: delivered.submittedAt,
    },
    deps,
  );
  logger.info('form submission recorded', { source: delivered.source, ...outcome });
  const visitorToken = await visitorTokenFor(outcome.contactId, deps);
  return visitorToken ? { ...outcome, visitorToken } : outcome;
}

/** Without a token secret the submission is still recorded; only page-visit tracking is off. */
async function visitorTokenFor(contactId: string, deps: AcceptSubmissionDeps): Promise<string | undefined> {
  try {
    return await issueVisitorToken(contactId, await deps.readSecret(VISITOR_TOKEN_SECRET_NAME), deps.clock());
  } catch (error) {
    if (!(error instanceof SecretNotConfiguredError)) throw error;
    logger.warn('visitor token secret not configured; no visitor token issued', {
      secret: VISITOR_TOKEN_SECRET_NAME,
    });
    return undefined;
  }
}

/** An endpoint whose secret is not configured refuses every request (fail closed). */
export async function secretOrRefuse(
  readSecret: (name: string) => Promise<string>,
  name: string,
): Promise<string> {
  try {
    return await readSecret(name);
  } catch (error) {
    if (!(error instanceof SecretNotConfiguredError)) throw error;
    logger.error('secret not configured; refusing requests', { secret: name });
    throw new HttpProblem({
      status: 401,
      type: problemType('source-not-configured'),
      title: 'Source not configured',
      detail:
        'The secret this endpoint checks requests with is not configured, so no request can be trusted.',
    });
  }
}
