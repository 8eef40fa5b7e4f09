import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { REPO_ROOT } from '#infra/cdk/leadflow-function.ts';
import { addLeadflowStacks, type LeadflowStacksOptions } from '#infra/cdk/leadflow-stacks.ts';
import type { StatefulStack } from '#infra/cdk/stateful-stack.ts';
import type { StatelessStack } from '#infra/cdk/stateless-stack.ts';

/** The feature flags `cdk synth` runs with, so the tests assert the template that gets deployed. */
const cdkJsonContext: Record<string, unknown> = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8'),
).context;

export interface SynthesizedLeadflow {
  /** Where the cloud assembly was written (holds validation-report.json when validated). */
  readonly assemblyDirectory: string;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
}

export interface SynthOptions extends LeadflowStacksOptions {
  /**
   * Run CloudFormation's built-in template validation, as `cdk synth` does. It costs about a second,
   * so one test file turns it on and the others assert on the same templates without it.
   */
  readonly validate?: boolean;
}

/**
 * Builds one leadflow stage the way app.ts does, minus bundling (no handler is compiled, so the
 * tests are fast and need no esbuild run), and synthesizes both templates once.
 */
export function synthLeadflow({ validate = false, ...options }: SynthOptions = {}): SynthesizedLeadflow {
  const app = new App({
    context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: validate,
  });
  const { stateful, stateless } = addLeadflowStacks(app, options);
  return {
    assemblyDirectory: app.synth().directory,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
  };
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
