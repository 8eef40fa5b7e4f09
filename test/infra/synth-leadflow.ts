import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { CONFIG_DIRECTORY, parseStageConfig } from '#infra/cdk/config/load-stage-config.ts';
import type { StageConfig } from '#infra/cdk/config/stage-config.ts';
import type { ConsoleStack } from '#infra/cdk/console/console-stack.ts';
import { REPO_ROOT } from '#infra/cdk/leadflow-function.ts';
import { addLeadflowStacks } from '#infra/cdk/leadflow-stacks.ts';
import { addNagChecks } from '#infra/cdk/nag.ts';
import type { StatefulStack } from '#infra/cdk/stateful-stack.ts';
import type { FunctionDeclarations, StatelessStack } from '#infra/cdk/stateless-stack.ts';

/** The feature flags `cdk synth` runs with, so the tests assert the template that gets deployed. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8'),
).context;

export interface SynthesizedLeadflow {
  readonly app: App;
  /** Where the cloud assembly was written (holds validation-report.json when validated). */
  readonly assemblyDirectory: string;
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
  /** The marketing console's stack, when the stage has one. */
  readonly console?: ConsoleStack;
  readonly consoleTemplate?: Template;
}

/** Top-level config sections to replace or extend, as in a `<stage>.json` file. */
export type ConfigPatch = Readonly<Record<string, unknown>>;

export interface SynthOptions {
  /** A committed stage configuration (`infra/cdk/config/<stage>.json`). @default 'dev' */
  readonly stage?: string;
  /** Merged into the committed file, section by section, before validation. */
  readonly configPatch?: ConfigPatch;
  /** @default the app's wiring declaration */
  readonly functions?: FunctionDeclarations;
  /**
   * Run CloudFormation's built-in template validation, as `cdk synth` does. It costs about a second,
   * so one test file turns it on and the others assert on the same templates without it.
   */
  readonly validate?: boolean;
  /** Run cdk-nag as app.ts does; the synth throws on any unacknowledged finding. */
  readonly nag?: boolean;
}

/** The committed configuration of a stage, with a patch merged into its sections. */
export function stageConfig(stage: string, patch: ConfigPatch = {}): StageConfig {
  const committed = JSON.parse(readFileSync(path.join(CONFIG_DIRECTORY, `${stage}.json`), 'utf8'));
  const merged: Record<string, unknown> = { ...committed };
  for (const [section, value] of Object.entries(patch)) {
    const current = merged[section];
    merged[section] =
      isObject(current) && isObject(value) ? { ...current, ...value } : (value as unknown as object);
  }
  return parseStageConfig(stage, merged, `${stage}.json with a test patch`);
}

/**
 * Builds one leadflow stage the way app.ts does, minus bundling (no handler is compiled, so the
 * tests are fast and need no esbuild run), and synthesizes both templates once.
 */
export function synthLeadflow({
  stage = 'dev',
  configPatch,
  functions,
  validate = false,
  nag = false,
}: SynthOptions = {}): SynthesizedLeadflow {
  const app = new App({
    context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: validate,
  });
  const config = stageConfig(stage, configPatch);
  const { stateful, stateless, console } = addLeadflowStacks(app, {
    config,
    ...(functions ? { functions } : {}),
  });
  if (nag) addNagChecks(app);
  return {
    app,
    assemblyDirectory: app.synth().directory,
    config,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
    ...(console ? { console, consoleTemplate: Template.fromStack(console) } : {}),
  };
}

/** The mail section an operator fills in before production may synthesize (no example sender or links). */
export const PRODUCTION_MAIL = {
  from: 'Leadflow <leads@leadflow-customer.test>',
  companyName: 'Leadflow Customer Ltd',
  postalAddress: '12 Harbour Road, Bristol BS1 5TT, United Kingdom',
  links: {
    website: 'https://www.leadflow-customer.test',
    privacy: 'https://www.leadflow-customer.test/privacy',
  },
} as const;

/**
 * A production stage with everything switched on: admin routes, schedules, a CRM destination, a
 * domain identity and alarm recipients, for the tests of the optional parts.
 */
export const EVERYTHING_ON: ConfigPatch = {
  account: '123456789012',
  region: 'eu-west-1',
  mail: { ...PRODUCTION_MAIL, createDomainIdentity: true },
  alarms: { emails: ['ops@leadflow-customer.test'] },
  http: {
    corsAllowedOrigins: ['https://www.leadflow-customer.test', 'https://forms.leadflow-customer.test'],
  },
  crm: {
    endpoint: 'https://crm.leadflow-customer.test/hooks/prospects',
    rateLimitPerSecond: 5,
    auth: { type: 'apiKey', headerName: 'x-api-key', secretName: 'leadflow/prod/crm-api-key' },
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The logical id CloudFormation knows a construct's main resource by. */
export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnElement | undefined;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource.`);
  return Stack.of(construct).getLogicalId(resource);
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** Every statement of the identity policies attached to a role, after CDK merged them. */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleLogicalId }] },
  });
  return Object.values(policies).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as Statement[],
  );
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** The environment variables of a function resource. */
export function environmentOf(template: Template, functionLogicalId: string): Record<string, unknown> {
  const resource = template.toJSON().Resources[functionLogicalId];
  return resource?.Properties?.Environment?.Variables ?? {};
}

/** The resources of one type, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): [string, { Properties: Record<string, any> }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: Record<string, any> }][];
}
