import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { functions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import {
  actionsOf,
  environmentOf,
  logicalIdOf,
  type Statement,
  statementsOfRole,
  synthLeadflow,
} from './synth-leadflow.ts';

// The one synth in the suite that also runs CloudFormation's validation, as `cdk synth` does.
const {
  stateless,
  statelessTemplate: template,
  assemblyDirectory,
} = synthLeadflow({
  stage: 'dev',
  validate: true,
});
const declaredNames = Object.keys(functions);

function functionId(name: string): string {
  const fn = stateless.functions[name];
  if (!fn) throw new Error(`No function ${name} was built.`);
  return logicalIdOf(fn);
}

function statementsOf(name: string): Statement[] {
  const fn = stateless.functions[name];
  if (!fn?.role) throw new Error(`Function ${name} has no role.`);
  return statementsOfRole(template, logicalIdOf(fn.role));
}

describe('template validity', () => {
  it("has no finding in CloudFormation's built-in validation", () => {
    const report: { pluginReports: { pluginName: string; violations: unknown[] }[] } = JSON.parse(
      readFileSync(path.join(assemblyDirectory, 'validation-report.json'), 'utf8'),
    );
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });
});

describe('LeadflowFunction defaults', () => {
  it('builds one function per declaration and no others', () => {
    expect(Object.keys(stateless.functions).sort()).toEqual([...declaredNames].sort());
    template.resourceCountIs('AWS::Lambda::Function', declaredNames.length);
  });

  it('runs every function on Node.js 24, arm64, with the bundled ESM handler', () => {
    const all = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(all.length).toBeGreaterThan(0);
    for (const resource of all) {
      expect(resource.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('turns on source maps and JSON logs into a log group with a retention', () => {
    for (const name of declaredNames) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: functions[name as keyof typeof functions].description,
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: '--enable-source-maps' }) },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp(`^${name}Logs`) } },
      });
    }
    template.resourceCountIs('AWS::Logs::LogGroup', declaredNames.length);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });
});

describe('environment per declared access', () => {
  it('tells the nurture mailer the sender but not the bus', () => {
    const env = environmentOf(template, functionId('nurtureMailer'));
    expect(env[RESOURCE_ENV.mailFrom]).toBe('leadflow@example.com');
    expect(env).toHaveProperty(RESOURCE_ENV.mailConfigurationSet);
    expect(env).toHaveProperty(RESOURCE_ENV.tableName);
    expect(env).not.toHaveProperty(RESOURCE_ENV.eventBusName);
  });

  it('tells form intake the table and bus but not the sender', () => {
    const env = environmentOf(template, functionId('formIntake'));
    expect(env).toHaveProperty(RESOURCE_ENV.tableName);
    expect(env).toHaveProperty(RESOURCE_ENV.eventBusName);
    expect(env).not.toHaveProperty(RESOURCE_ENV.mailFrom);
  });

  it('gives links the HTTP API endpoint as public base URL', () => {
    const api = stateless.httpApi;
    if (!api) throw new Error('The app declares http triggers, so an HTTP API must exist.');
    const env = environmentOf(template, functionId('nurtureMailer'));
    expect(env[RESOURCE_ENV.publicBaseUrl]).toEqual({ 'Fn::GetAtt': [logicalIdOf(api), 'ApiEndpoint'] });
  });
});

describe('IAM', () => {
  const isWildcard = (action: string) => action === '*' || action.endsWith(':*');

  it('grants no wildcard action in any identity policy', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    expect(statements.length).toBeGreaterThan(0);
    expect(actionsOf(statements).filter(isWildcard)).toEqual([]);
    expect(statements.filter((s) => s.Resource === '*')).toEqual([]);
  });

  it('allows no wildcard action in resource policies (only the deny-without-TLS guard uses sqs:*)', () => {
    const statements = Object.values(template.findResources('AWS::SQS::QueuePolicy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    expect(actionsOf(statements.filter((s) => s.Effect === 'Allow')).filter(isWildcard)).toEqual([]);
  });

  it('lets form intake put events on the bus, and the nurture mailer not', () => {
    const intake = statementsOf('formIntake');
    const putEvents = intake.find((s) => actionsOf([s]).includes('events:PutEvents'));
    expect(putEvents).toBeDefined();
    expect(putEvents?.Resource).not.toBe('*');
    expect(JSON.stringify(putEvents?.Resource)).toMatch(/EventBus/);
    expect(actionsOf(statementsOf('nurtureMailer'))).not.toContain('events:PutEvents');
  });

  it('lets the nurture mailer send only as the configured sender and configuration set', () => {
    const send = statementsOf('nurtureMailer').filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('ses:')),
    );
    expect(send).toHaveLength(1);
    expect(actionsOf(send).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    const resources = JSON.stringify(send[0]?.Resource);
    expect(resources).toContain(':identity/leadflow@example.com');
    expect(resources).toContain(':identity/example.com');
    expect(resources).toContain(':configuration-set/');
    expect(actionsOf(statementsOf('formIntake')).filter((a) => a.startsWith('ses:'))).toEqual([]);
  });
});

describe('secrets', () => {
  const secrets = template.findResources('AWS::SecretsManager::Secret');
  const genericSecret = stateless.secrets.get('WEBHOOK_SECRET_GENERIC');
  const secretId = genericSecret && logicalIdOf(genericSecret);

  it('creates one generated secret per declared name and never a plaintext value', () => {
    const declarations: FunctionDeclaration[] = Object.values(functions);
    const declared = new Set(declarations.flatMap((declaration) => declaration.secrets ?? []));
    expect(Object.keys(secrets)).toHaveLength(declared.size);
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(secret.Properties.GenerateSecretString).toBeDefined();
    }
  });

  it('passes form intake the secret ARN, never the value, and lets it read that secret', () => {
    const env = environmentOf(template, functionId('formIntake'));
    expect(env.WEBHOOK_SECRET_GENERIC_SECRET_ARN).toEqual({ Ref: secretId });
    expect(env).not.toHaveProperty('WEBHOOK_SECRET_GENERIC');
    const reads = statementsOf('formIntake').filter((s) =>
      actionsOf([s]).includes('secretsmanager:GetSecretValue'),
    );
    expect(reads.flatMap((read) => read.Resource)).toContainEqual({ Ref: secretId });
  });

  it('does not let functions without declared secrets read any', () => {
    for (const name of ['contactScorer', 'nurtureMailer']) {
      expect(actionsOf(statementsOf(name)).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    }
  });
});

describe('failure handling', () => {
  it('parks failed asynchronous invocations of event-driven functions after two Lambda retries', () => {
    for (const name of ['contactScorer', 'nurtureMailer']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId(name) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
      });
    }
    expect(
      template.findResources('AWS::Lambda::EventInvokeConfig', {
        Properties: { FunctionName: { Ref: functionId('formIntake') } },
      }),
    ).toEqual({});
  });

  it('encrypts every queue and refuses it over plain HTTP', () => {
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThan(0);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    for (const queue of queues) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('outputs', () => {
  it('publishes the API URL and the generic webhook URL', () => {
    template.hasOutput('HttpApiUrl', {});
    template.hasOutput('GenericWebhookUrl', {
      Value: { 'Fn::Join': ['', [Match.anyValue(), '/forms/generic']] },
    });
  });
});
