import type { App, Environment } from 'aws-cdk-lib';
import { functions as declaredFunctions } from '#infra/wiring/functions.ts';
import type { StageConfig } from './config/stage-config.ts';
import { ConsoleStack } from './console/console-stack.ts';
import { stageSettings } from './stage.ts';
import { StatefulStack } from './stateful-stack.ts';
import { type FunctionDeclarations, StatelessStack } from './stateless-stack.ts';

export interface LeadflowStacksOptions {
  /** The stage's validated configuration (see loadStageConfig). */
  readonly config: StageConfig;
  /** @default the app's wiring declaration */
  readonly functions?: FunctionDeclarations;
  /** @default the account and region pinned in the config, else environment-agnostic (synthesizes offline) */
  readonly env?: Environment;
}

export interface LeadflowStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The marketing console, when the stage has one (admin routes declared, `console.enabled`). */
  readonly console?: ConsoleStack;
}

/**
 * Adds one stage of leadflow (a stateful and a stateless stack) to an app. The CDK entry point and
 * the infra tests both build through here, so the tests check what `cdk deploy` deploys.
 */
export function addLeadflowStacks(app: App, options: LeadflowStacksOptions): LeadflowStacks {
  const stage = stageSettings(options.config);
  const functions: FunctionDeclarations = options.functions ?? declaredFunctions;
  const adminRoutes = Object.values(functions).some((d) =>
    d.triggers.some((t) => t.kind === 'http' && t.auth === 'admin'),
  );
  const pinned = { account: options.config.account, region: options.config.region };
  const common = {
    env: options.env ?? pinned,
    tags: { project: 'leadflow', stage: stage.name },
    terminationProtection: stage.production,
  };

  const stateful = new StatefulStack(app, `leadflow-${stage.name}-stateful`, {
    ...common,
    description: `leadflow ${stage.name}: contacts table, event bus and archive, mail configuration, admins, alarm topic.`,
    stage,
    adminRoutes,
  });
  const stateless = new StatelessStack(app, `leadflow-${stage.name}-stateless`, {
    ...common,
    description: `leadflow ${stage.name}: functions, HTTP API, event rules, CRM hand-off, alarms and dashboard.`,
    stage,
    resources: stateful,
    functions,
    alarmTopic: stateful.alarmTopic.topic,
    statefulAlarms: stateful.alarms,
    ...(stateful.admins ? { admins: stateful.admins } : {}),
  });
  const api = stateless.http?.api;
  const consoleStack =
    options.config.console.enabled && stateful.admins && api
      ? new ConsoleStack(app, `leadflow-${stage.name}-console`, {
          ...common,
          description: `leadflow ${stage.name}: the marketing console (S3 and CloudFront, /admin/* to the API).`,
          stage,
          api,
          adminClient: stateful.admins.client,
        })
      : undefined;
  return { stateful, stateless, ...(consoleStack ? { console: consoleStack } : {}) };
}
