/**
 * The parts of the local runtime that must be up before it serves requests. `functions` comes last:
 * the environment is set and the rules and schedules are in place, so no handler can be imported
 * (and build its SDK clients) before the endpoints are known.
 */
export const RUNTIME_PARTS = ['dynamodb', 'ses', 'eventbridge', 'functions'] as const;
export type RuntimePart = (typeof RUNTIME_PARTS)[number];

/**
 * Which parts are up. The gateway listens first, so `npm start` answers `/health` with 503 while
 * DynamoDB Local's JVM boots, and a script can poll it rather than guess a delay.
 */
export interface Readiness {
  markReady(part: RuntimePart): void;
  isReady(): boolean;
  parts(): Readonly<Record<RuntimePart, 'ready' | 'starting'>>;
}

export function createReadiness(): Readiness {
  const ready = new Set<RuntimePart>();
  return {
    markReady: (part) => {
      ready.add(part);
    },
    isReady: () => RUNTIME_PARTS.every((part) => ready.has(part)),
    parts: () =>
      Object.fromEntries(
        RUNTIME_PARTS.map((part) => [part, ready.has(part) ? 'ready' : 'starting']),
      ) as Record<RuntimePart, 'ready' | 'starting'>,
  };
}
