import type { App, Environment } from 'aws-cdk-lib';
import { stageSettings } from './stage.ts';
import { StatefulStack } from './stateful-stack.ts';
import { type FunctionDeclarations, StatelessStack } from './stateless-stack.ts';

export interface LeadflowStacksOptions {
  /** @default 'dev' */
  readonly stage?: string;
  /** Sender of nurture mail. Required for `prod`; other stages fall back to a placeholder. */
  readonly mailFrom?: string;
  readonly publicBaseUrl?: string;
  /** @default the app's wiring declaration */
  readonly functions?: FunctionDeclarations;
  /** @default environment-agnostic: synthesizes offline, deploys to the CLI's account and region */
  readonly env?: Environment;
}

export interface LeadflowStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** Placeholder sender for non-production stages; it fails loudly at SES until replaced by `-c mailFrom=`. */
const PLACEHOLDER_MAIL_FROM = 'leadflow@example.com';

/**
 * Adds one stage of leadflow (a stateful and a stateless stack) to an app. The CDK entry point and
 * the infra tests both build through here, so the tests check what `cdk deploy` deploys.
 */
export function addLeadflowStacks(app: App, options: LeadflowStacksOptions = {}): LeadflowStacks {
  const stage = stageSettings(options.stage ?? 'dev');
  if (stage.production && !options.mailFrom) {
    throw new Error('The prod stage needs a verified sender: pass -c mailFrom=leads@your-domain.');
  }
  const common = { env: options.env, tags: { project: 'leadflow', stage: stage.name } };

  const stateful = new StatefulStack(app, `leadflow-${stage.name}-stateful`, {
    ...common,
    description: `leadflow ${stage.name}: contacts table, event bus and mail configuration.`,
    stage,
    mailFrom: options.mailFrom ?? PLACEHOLDER_MAIL_FROM,
  });
  const stateless = new StatelessStack(app, `leadflow-${stage.name}-stateless`, {
    ...common,
    description: `leadflow ${stage.name}: functions, HTTP API and event rules.`,
    stage,
    resources: stateful,
    functions: options.functions,
    publicBaseUrl: options.publicBaseUrl,
  });
  return { stateful, stateless };
}
