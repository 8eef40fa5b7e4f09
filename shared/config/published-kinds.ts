import { nurtureConfigKind } from '#shared/nurture/nurture-config-kind.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import type { ConfigKind } from './config-kind.ts';

/**
 * Every kind that can be published without a deploy, for the tools that manage them all (the
 * `npm run config` command, the admin API). Functions import only the kind they read.
 */
export const PUBLISHED_KINDS: Readonly<Record<string, ConfigKind<unknown>>> = {
  [scoringModelKind.name]: scoringModelKind as ConfigKind<unknown>,
  [nurtureConfigKind.name]: nurtureConfigKind as ConfigKind<unknown>,
};

/** The kind of that name, own keys only (names come from requests and command lines). */
export function publishedKind(name: string): ConfigKind<unknown> | undefined {
  return Object.hasOwn(PUBLISHED_KINDS, name) ? PUBLISHED_KINDS[name] : undefined;
}
