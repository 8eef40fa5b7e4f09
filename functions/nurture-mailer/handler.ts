import { nurtureAdapters } from '#shared/adapters/nurture-adapters.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createNurtureMailerHandler } from './nurture-mailer.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(async () => createNurtureMailerHandler(await nurtureAdapters()));
