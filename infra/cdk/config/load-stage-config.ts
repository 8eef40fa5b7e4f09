import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { productionMailProblems } from './sender-settings.ts';
import { type StageConfig, stageConfigSchema, stageNameSchema } from './stage-config.ts';

/** Where `<stage>.json` files live. */
export const CONFIG_DIRECTORY = import.meta.dirname;

/** A configuration that cannot be deployed; its message says what to fix and where. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Single settings that `cdk -c key=value` may override without editing the file. */
export interface ConfigOverrides {
  readonly mailFrom?: string;
  readonly publicBaseUrl?: string;
}

export interface LoadStageConfigOptions {
  readonly stage: string;
  /** Another file than `infra/cdk/config/<stage>.json`, e.g. one kept outside the repository. */
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
}

/** Reads, overrides and validates one stage's configuration; throws a {@link ConfigError} naming each problem. */
export function loadStageConfig({ stage, configFile, overrides = {} }: LoadStageConfigOptions): StageConfig {
  const name = stageNameSchema.safeParse(stage);
  if (!name.success) {
    throw new ConfigError(`Stage "${stage}" is not valid: ${name.error.issues[0]?.message}.`);
  }
  const file = configFile ? path.resolve(configFile) : path.join(CONFIG_DIRECTORY, `${stage}.json`);
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new ConfigError(
      `No configuration for stage "${stage}": create ${shown} (start from infra/cdk/config/dev.json), ` +
        'or pass -c configFile=<path>.',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  return parseStageConfig(stage, applyOverrides(raw, overrides), shown);
}

/** Validates a configuration object (already read) for a stage. */
export function parseStageConfig(stage: string, input: unknown, source = 'configuration'): StageConfig {
  const parsed = stageConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid leadflow configuration for stage "${stage}" (${source}):\n${z.prettifyError(parsed.error)}`,
    );
  }
  const problems = parsed.data.production
    ? productionMailProblems(parsed.data, defaultNurtureConfig.links)
    : [];
  if (problems.length > 0) {
    throw new ConfigError(
      `Stage "${stage}" is a production stage and cannot send mail as configured (${source}):\n` +
        problems.map((problem) => `- ${problem}`).join('\n'),
    );
  }
  return { ...parsed.data, name: stage };
}

function applyOverrides(raw: unknown, overrides: ConfigOverrides): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const config = raw as Record<string, unknown>;
  const section = (key: string) => {
    const value = config[key];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  };
  return {
    ...config,
    ...(overrides.mailFrom ? { mail: { ...section('mail'), from: overrides.mailFrom } } : {}),
    ...(overrides.publicBaseUrl
      ? { http: { ...section('http'), publicBaseUrl: overrides.publicBaseUrl } }
      : {}),
  };
}
