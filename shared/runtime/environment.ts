import * as z from 'zod/mini';

/**
 * Names of the environment variables through which the deployment tells a function where its
 * resources are. The wiring (CDK and local runtime) sets them from a function's declared access;
 * function code reads them here and nowhere else.
 */
export const RESOURCE_ENV = {
  tableName: 'LEADFLOW_TABLE_NAME',
  eventBusName: 'LEADFLOW_EVENT_BUS_NAME',
  mailFrom: 'LEADFLOW_MAIL_FROM',
  mailConfigurationSet: 'LEADFLOW_SES_CONFIGURATION_SET',
  publicBaseUrl: 'LEADFLOW_PUBLIC_BASE_URL',
  /** The marketing console, for the buttons in team notifications. */
  consoleUrl: 'LEADFLOW_CONSOLE_URL',
} as const;

const nonEmpty = z.string().check(z.trim(), z.minLength(1));

/**
 * Reads one required setting, failing at cold start with a sentence that names the variable rather
 * than later with `undefined` deep inside an SDK call.
 */
export function requireEnv(name: string): string {
  const parsed = nonEmpty.safeParse(process.env[name]);
  if (!parsed.success) {
    throw new Error(`Environment variable ${name} is required but is not set.`);
  }
  return parsed.data;
}

export function optionalEnv(name: string): string | undefined {
  const parsed = nonEmpty.safeParse(process.env[name]);
  return parsed.success ? parsed.data : undefined;
}
