import { nurtureAdapters } from '#shared/adapters/nurture-adapters.ts';
import { createNurtureMailerHandler } from './nurture-mailer.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createNurtureMailerHandler(await nurtureAdapters());
