import type { HttpMethod } from '#infra/wiring/types.ts';

/** A declared HTTP route and whatever the caller wants back when it matches (its function). */
export interface Route<Target> {
  readonly method: HttpMethod;
  /** API Gateway syntax: `/forms/{source}`, greedy `/files/{proxy+}` as the last segment. */
  readonly path: string;
  readonly target: Target;
}

export type RouteMatch<Target> =
  | {
      readonly kind: 'matched';
      readonly target: Target;
      /** `POST /forms/{source}`: what API Gateway puts in `routeKey`. */
      readonly routeKey: string;
      readonly pathParameters: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'parameter'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

interface CompiledRoute<Target> {
  readonly route: Route<Target>;
  readonly segments: readonly Segment[];
}

/**
 * Matches request paths against the declared routes the way an API Gateway HTTP API does: the most
 * specific route wins (a literal segment beats `{param}`, which beats `{proxy+}`), and a path that
 * exists only for other methods is a 405, not a 404.
 */
export function createRouteTable<Target>(routes: readonly Route<Target>[]): {
  match(method: string, rawPath: string): RouteMatch<Target>;
} {
  const compiled: CompiledRoute<Target>[] = routes.map((route) => ({
    route,
    segments: parseTemplate(route.path),
  }));
  const seen = new Set<string>();
  for (const { route } of compiled) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`Route ${key} is declared twice.`);
    seen.add(key);
  }
  compiled.sort((a, b) => compareSpecificity(a.segments, b.segments));

  return {
    match(method, rawPath) {
      const requestSegments = rawPath.split('/').slice(1);
      const allowed = new Set<string>();
      for (const candidate of compiled) {
        const pathParameters = matchSegments(candidate.segments, requestSegments);
        if (!pathParameters) continue;
        if (candidate.route.method !== method.toUpperCase()) {
          allowed.add(candidate.route.method);
          continue;
        }
        return {
          kind: 'matched',
          target: candidate.route.target,
          routeKey: `${candidate.route.method} ${candidate.route.path}`,
          pathParameters,
        };
      }
      return allowed.size > 0
        ? { kind: 'method-not-allowed', allowed: [...allowed].sort() }
        : { kind: 'not-found' };
    },
  };
}

function parseTemplate(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Route path ${path} must start with "/".`);
  const parts = path.split('/').slice(1);
  return parts.map((part, index) => {
    const variable = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
    if (!variable) {
      if (part.includes('{') || part.includes('}'))
        throw new Error(`Route path ${path} has a malformed segment "${part}".`);
      return { kind: 'literal', value: part };
    }
    const name = variable[1] ?? '';
    if (variable[2] === '+') {
      if (index !== parts.length - 1)
        throw new Error(`Route path ${path}: a greedy {${name}+} must be the last segment.`);
      return { kind: 'greedy', name };
    }
    return { kind: 'parameter', name };
  });
}

function matchSegments(
  template: readonly Segment[],
  request: readonly string[],
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of template.entries()) {
    if (segment.kind === 'greedy') {
      const rest = request.slice(index);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      parameters[segment.name] = decodePathValue(rest.join('/'));
      return parameters;
    }
    const value = request[index];
    if (value === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (value !== segment.value) return undefined;
    } else {
      if (value === '') return undefined;
      parameters[segment.name] = decodePathValue(value);
    }
  }
  return request.length === template.length ? parameters : undefined;
}

const RANK = { literal: 0, parameter: 1, greedy: 2 } as const;

function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = RANK[(a[index] as Segment).kind] - RANK[(b[index] as Segment).kind];
    if (difference !== 0) return difference;
  }
  return b.length - a.length;
}

/** API Gateway hands path parameters decoded; a malformed escape is passed through as sent. */
function decodePathValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
