import { HttpProblem, problemType } from '#shared/http/problem.ts';

/**
 * Where a browser request comes from: its Origin header, else (privacy settings strip Origin, or send
 * `null`) the origin of its Referer. Undefined when neither says, and such a post is refused.
 */
export function requestOrigin(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const origin = headers.origin;
  if (origin && origin !== 'null') return originOf(origin);
  return originOf(headers.referer);
}

/** `https://www.example.com` matches itself; `https://*.example.com` matches every subdomain of it. */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    if (!pattern.includes('://*.')) return pattern === origin;
    const [scheme, rest] = pattern.split('://*.') as [string, string];
    return origin.startsWith(`${scheme}://`) && origin.endsWith(`.${rest}`);
  });
}

/** The scheme, host and port of an address, as browsers write them in Origin; undefined if not one. */
export function originOf(address: string | undefined): string | undefined {
  if (!address || !URL.canParse(address)) return undefined;
  const { origin } = new URL(address);
  return origin === 'null' ? undefined : origin;
}

/** The 403 for a page that is not allowed; `remedy` says which allowlist to extend. */
export function originNotAllowed(origin: string | undefined, remedy: string): HttpProblem {
  return new HttpProblem({
    status: 403,
    type: problemType('origin-not-allowed'),
    title: 'Origin not allowed',
    detail: origin
      ? `Pages on ${origin.slice(0, 200)} may not call this; ${remedy}.`
      : 'The request says neither its Origin nor its Referer, so the page sending it cannot be checked.',
  });
}
