import { buildConsole, configFile } from '#infra/console/build-console.ts';
import { consoleSecurityHeaders } from '#infra/console/security-headers.ts';
import type { StaticFiles } from '#infra/console/static-site.ts';

/**
 * The marketing console as `npm start` serves it: built from its sources, with a `config.json` that
 * signs people in with the admin token alone (there is no Cognito on a developer's machine).
 */
export function localConsoleSite(): { files: StaticFiles; headers: Record<string, string> } {
  const files = new Map(buildConsole());
  files.set('/config.json', configFile({ signIn: { kind: 'token' } }));
  return { files, headers: consoleSecurityHeaders() };
}
