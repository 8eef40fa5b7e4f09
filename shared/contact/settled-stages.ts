import type { Stage } from '#events/vocabulary/stage.ts';

/** Stages the scorer never moves a contact out of on its own: a person or a later issue's flow does. */
export const SETTLED_STAGES: ReadonlySet<Stage> = new Set(['prospect', 'customer', 'disqualified']);
