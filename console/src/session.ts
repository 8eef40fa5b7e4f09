/**
 * The credentials of this browser tab. The admin token and the identity token live in
 * sessionStorage only: they leave with the tab, are never written into the code or a URL, and are
 * sent only to the console's own origin (the API is served beside it).
 */
const KEYS = {
  token: 'leadflow.adminToken',
  reviewer: 'leadflow.reviewer',
  identity: 'leadflow.identityToken',
  refresh: 'leadflow.refreshToken',
} as const;

export interface Session {
  readonly token: string;
  /** The name recorded with decisions when no identity provider vouches for one. */
  readonly reviewer?: string;
  /** A Cognito ID token, where the deployment signs people in with Cognito. */
  readonly identity?: string;
  readonly refresh?: string;
}

export function currentSession(): Session | undefined {
  const token = sessionStorage.getItem(KEYS.token);
  if (!token) return undefined;
  return {
    token,
    reviewer: sessionStorage.getItem(KEYS.reviewer) ?? undefined,
    identity: sessionStorage.getItem(KEYS.identity) ?? undefined,
    refresh: sessionStorage.getItem(KEYS.refresh) ?? undefined,
  };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEYS.token, session.token);
  for (const key of ['reviewer', 'identity', 'refresh'] as const) {
    const value = session[key];
    if (value) sessionStorage.setItem(KEYS[key], value);
    else sessionStorage.removeItem(KEYS[key]);
  }
}

export function updateIdentity(identity: string): void {
  sessionStorage.setItem(KEYS.identity, identity);
}

export function endSession(): void {
  for (const key of Object.values(KEYS)) sessionStorage.removeItem(key);
}
