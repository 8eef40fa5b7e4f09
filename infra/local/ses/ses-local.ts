import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sesLocalModule from 'aws-ses-v2-local';
import { clientUrl } from '../network/client-url.ts';

/** The in-process SES v2 emulator: `GET /store` lists what was sent, `/` is its mail viewer. */
export interface SesLocal {
  readonly url: string;
  close(): Promise<void>;
}

type StartSesServer = (config: { host: string; port: number }) => Promise<Server>;

/**
 * What the emulator answers to SES v2 `GetAccount` (it reads the JSON from `AWS_SES_ACCOUNT`): an
 * account out of the sandbox with the stage's local quota, nothing sent yet as far as SES knows.
 */
export function sesAccountAnswer(quota: {
  readonly max24HourSend: number;
  readonly maxSendRate: number;
}): string {
  return JSON.stringify({
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'MARKETING',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'leadflow local runtime',
      WebsiteURL: 'https://leadflow.invalid',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: quota.max24HourSend, MaxSendRate: quota.maxSendRate, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
  });
}

/**
 * Starts aws-ses-v2-local in this process. It is an Express app whose start function resolves with
 * the http.Server even when listening failed (Express 5 passes the error to the callback it ignores),
 * so a busy port is detected here instead of surfacing later as a refused connection.
 */
export async function startSesLocal(options: {
  readonly host: string;
  readonly port: number;
}): Promise<SesLocal> {
  const server = await startFunction()({ host: options.host, port: options.port });
  if (!server.listening) {
    server.close();
    throw Object.assign(
      new Error(
        `Port ${options.port} on ${options.host} is already in use, so the SES emulator could not listen on it.`,
      ),
      { code: 'EADDRINUSE' },
    );
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: clientUrl(options.host, port),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from SDK clients would hold close() open otherwise.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * The package is CommonJS with `exports.default`: Node's ESM import exposes it as `.default.default`,
 * while bundlers and test runners that honour `__esModule` expose it as `.default`. Accept both.
 */
function startFunction(): StartSesServer {
  const outer: unknown = (sesLocalModule as { default?: unknown }).default;
  if (typeof outer === 'function') return outer as StartSesServer;
  const inner: unknown = (outer as { default?: unknown } | undefined)?.default;
  if (typeof inner === 'function') return inner as StartSesServer;
  throw new Error('aws-ses-v2-local does not export its server function where expected.');
}
