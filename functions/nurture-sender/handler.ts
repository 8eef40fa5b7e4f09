import { nurtureAdapters } from '#shared/adapters/nurture-adapters.ts';
import { deferredHandler } from '#shared/runtime/deferred-handler.ts';
import { createNurtureSenderHandler } from './nurture-sender.ts';

/** Lambda entry: real adapters built once per container, on the first event (they read a secret). */
export const handler = deferredHandler(async () => createNurtureSenderHandler(await nurtureAdapters()));
