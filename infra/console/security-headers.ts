/**
 * The console's response headers, the same from the local gateway and from CloudFront: a strict
 * Content-Security-Policy (only the console's own scripts and styles; API calls to its own origin,
 * plus Cognito's sign-in endpoint where people sign in with Cognito), no framing, no sniffing, no
 * referrer leaving the console (contact ids are in its URLs).
 */
export interface ConsoleHeaderOptions {
  /** Origins the console may call besides its own, e.g. `https://cognito-idp.eu-west-1.amazonaws.com`. */
  readonly connectTo?: readonly string[];
}

export function contentSecurityPolicy(options: ConsoleHeaderOptions = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${(options.connectTo ?? []).map((origin) => ` ${origin}`).join('')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function consoleSecurityHeaders(options: ConsoleHeaderOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}
