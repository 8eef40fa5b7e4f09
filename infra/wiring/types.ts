/**
 * The vocabulary of the wiring declaration: what a function is triggered by and what it may touch.
 *
 * Both the CDK app (infra/cdk) and the local runtime (infra/local) read declarations written in these
 * terms, so a route, rule or schedule exists in exactly one place.
 */

/** An EventBridge event pattern, exactly as EventBridge takes it (JSON keys such as `detail-type`). */
export type EventPattern = { readonly [field: string]: unknown };

/** `OPTIONS` is for routes that answer browsers' CORS preflights themselves (per-form allowlists). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** An API Gateway HTTP API route; path parameters use API Gateway syntax: `/forms/{source}`. */
export interface HttpTrigger {
  readonly kind: 'http';
  readonly method: HttpMethod;
  readonly path: string;
  /**
   * Who may call the route. `public` (the default) is for websites and form tools, which prove
   * themselves per request (signatures, origins); `admin` is for marketing and sales people: the
   * handler checks the admin credential, and in AWS an authorizer stands in front of the route too.
   */
  readonly auth?: 'public' | 'admin';
}

/** An EventBridge rule on the application's bus. */
export interface EventTrigger {
  readonly kind: 'event';
  /** Unique rule name within the app, stable across deploys (it names the CDK rule and the local rule). */
  readonly ruleName: string;
  readonly pattern: EventPattern;
}

/** An EventBridge Scheduler / rule schedule: `rate(5 minutes)` or `cron(0 8 * * ? *)`. */
export interface ScheduleTrigger {
  readonly kind: 'schedule';
  readonly ruleName: string;
  readonly expression: `rate(${string})` | `cron(${string})`;
}

export type Trigger = HttpTrigger | EventTrigger | ScheduleTrigger;

/** What a function may do with the shared resources; least-privilege IAM and env vars derive from it. */
export interface Access {
  readonly table?: 'read' | 'readWrite';
  /**
   * `parallel`: may also Scan the table and its indexes (parallel segments) and read the table's
   * description (its item counts). Only the bulk jobs read whole tables; every other function reads
   * through keys and indexes, and a scan in its code fails in AWS for lack of this grant.
   */
  readonly scan?: 'parallel';
  readonly bus?: 'put';
  /**
   * `send`: send as the stage's sender through its configuration set; `status`: read the account's
   * sending quota and the reputation breaker (the console). Both read SES's quota (`GetAccount`).
   */
  readonly mail?: 'send' | 'status';
  /**
   * Emails the team: `team` gets the stage configuration's sales and marketing lists, `digest` the
   * digest's recipients (see `notifications` in infra/cdk/config/stage-config.ts).
   */
  readonly notify?: 'team' | 'digest';
  /** Takes form posts or beacons from web pages: gets the stage configuration's `forms` sites. */
  readonly forms?: 'receive';
}

/**
 * What a function that declares neither timeout nor memory gets, in AWS and locally alike.
 * 512 MB on arm64 keeps cold starts of zod-validated handlers short at a small price per ms.
 */
export const FUNCTION_DEFAULTS = { timeoutSeconds: 10, memoryMb: 512 } as const;

export interface FunctionDeclaration {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly triggers: readonly Trigger[];
  readonly access: Access;
  /**
   * Names of secrets the function reads through `readSecret(name)`. In AWS each becomes a Secrets
   * Manager secret whose ARN is passed as `<NAME>_SECRET_ARN`; locally the value is passed as `<NAME>`.
   */
  readonly secrets?: readonly string[];
  /** Plain, non-secret settings. */
  readonly environment?: Readonly<Record<string, string>>;
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

/** Declares a function, keeping its literal type for the catalogue. */
export function defineFunction<const T extends FunctionDeclaration>(declaration: T): T {
  return declaration;
}
