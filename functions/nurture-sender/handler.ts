import { nurtureAdapters } from '#shared/adapters/nurture-adapters.ts';
import { createNurtureSenderHandler } from './nurture-sender.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createNurtureSenderHandler(await nurtureAdapters());
