/**
 * What the deployment tells the console (`/config.json`, written next to the static files): how
 * people sign in. Locally, with the admin token alone; in AWS, with Cognito too, whose ID token the
 * API's authorizer checks before the admin token is even looked at.
 */
export interface ConsoleConfig {
  readonly signIn:
    | { readonly kind: 'token' }
    | { readonly kind: 'cognito'; readonly region: string; readonly clientId: string };
}

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (response.ok) return (await response.json()) as ConsoleConfig;
  } catch {
    // Served without a config (a plain file server): the admin token alone.
  }
  return { signIn: { kind: 'token' } };
}
