import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { FunctionDeclarations } from '#infra/cdk/stateless-stack.ts';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '#infra/cdk/table-grant.ts';
import { functions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import { METRICS, METRICS_ENV } from '#shared/runtime/metric-names.ts';
import {
  actionsOf,
  environmentOf,
  logicalIdOf,
  resourcesOf,
  type Statement,
  statementsOfRole,
  synthLeadflow,
} from './synth-leadflow.ts';

// The one synth in the suite that also runs CloudFormation's validation, as `cdk synth` does.
const {
  stateless,
  statelessTemplate: template,
  assemblyDirectory,
  config,
} = synthLeadflow({
  stage: 'dev',
  validate: true,
});
const declarations: FunctionDeclarations = functions;
const declaredNames = Object.keys(declarations);

function declarationOf(name: string): FunctionDeclaration {
  const declaration = declarations[name];
  if (!declaration) throw new Error(`No declaration named ${name}.`);
  return declaration;
}

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

  it('logs JSON into a log group with a retention, and does not decode source maps at every cold start', () => {
    for (const name of declaredNames) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: declarationOf(name).description,
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: Match.absent() }) },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp(`^${name}Logs`) } },
      });
    }
    // One per function, plus the HTTP API's access logs.
    template.resourceCountIs('AWS::Logs::LogGroup', declaredNames.length + 1);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: config.logs.retentionDays });
  });

  it('labels every function with its stage and metrics namespace, so its EMF metrics land on the dashboard', () => {
    for (const name of declaredNames) {
      expect(environmentOf(template, functionId(name))).toMatchObject({
        [METRICS_ENV.namespace]: METRICS.namespace,
        [METRICS_ENV.stage]: 'dev',
      });
    }
  });
});

describe('environment per declared access', () => {
  const withAccess = (capability: 'table' | 'bus' | 'mail') =>
    declaredNames.filter((name) => capability in declarationOf(name).access);

  it('tells functions that send mail the configured sender and configuration set, and no other', () => {
    expect(withAccess('mail').length).toBeGreaterThan(0);
    for (const name of declaredNames) {
      const env = environmentOf(template, functionId(name));
      const mail = declarationOf(name).access.mail;
      if (mail === 'send') {
        expect(env[RESOURCE_ENV.mailFrom], name).toBe(config.mail.from);
        expect(JSON.parse(String(env[RESOURCE_ENV.mailSender])), name).toMatchObject({
          links: config.mail.links,
        });
      } else {
        expect(env, name).not.toHaveProperty(RESOURCE_ENV.mailFrom);
        expect(env, name).not.toHaveProperty(RESOURCE_ENV.mailSender);
      }
      if (mail) {
        expect(env, name).toHaveProperty(RESOURCE_ENV.mailConfigurationSet);
        expect(JSON.parse(String(env[RESOURCE_ENV.sendingPolicy])), name).toMatchObject({
          breaker: config.mail.sending.breaker,
        });
      }
    }
  });

  it('gives links the HTTP API endpoint as public base URL', () => {
    const api = stateless.http?.api;
    if (!api) throw new Error('The app declares http triggers, so an HTTP API must exist.');
    for (const name of declaredNames) {
      const env = environmentOf(template, functionId(name));
      expect(env[RESOURCE_ENV.publicBaseUrl], name).toEqual({
        'Fn::GetAtt': [logicalIdOf(api), 'ApiEndpoint'],
      });
    }
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
    // ses:GetAccount (the send quota) is account-wide: the one statement IAM allows no resource for.
    expect(statements.filter((s) => s.Resource === '*' && s.Action !== 'ses:GetAccount')).toEqual([]);
  });

  it('allows no wildcard action in resource policies (only the deny-without-TLS guard uses sqs:*)', () => {
    const statements = Object.values(template.findResources('AWS::SQS::QueuePolicy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    expect(actionsOf(statements.filter((s) => s.Effect === 'Allow')).filter(isWildcard)).toEqual([]);
  });

  it('gives every function its own role, without AWS managed policies, writing only to its own log group', () => {
    for (const name of declaredNames) {
      const fn = stateless.functions[name];
      if (!fn?.role) throw new Error(`Function ${name} has no role.`);
      const role = template.toJSON().Resources[logicalIdOf(fn.role)];
      expect(role.Properties.ManagedPolicyArns, name).toBeUndefined();
      const logs = statementsOf(name).filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logs, name).toEqual([
        expect.objectContaining({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logicalIdOf(fn.functionLogGroup), 'Arn'] },
        }),
      ]);
    }
  });

  it('grants table access item by item: no Scan, no index wildcard, no control-plane or stream action', () => {
    const intake = statementsOf('formIntake').filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('dynamodb:')),
    );
    expect(actionsOf(intake).sort()).toEqual([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS].sort());
    expect(actionsOf(intake)).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(intake.map((s) => s.Resource))).not.toContain('index/*');
  });

  it('lets functions put events on the application bus only, and only those that declare it', () => {
    for (const name of declaredNames) {
      const put = statementsOf(name).filter((s) => actionsOf([s]).includes('events:PutEvents'));
      if (declarationOf(name).access.bus === 'put') {
        expect(put, name).toEqual([expect.objectContaining({ Resource: expect.objectContaining({}) })]);
        expect(JSON.stringify(put[0]?.Resource), name).toMatch(/EventBus/);
      } else {
        expect(put, name).toEqual([]);
      }
    }
  });

  it('lets functions that send mail send only as the configured sender and configuration set', () => {
    for (const name of declaredNames) {
      const ses = statementsOf(name).filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
      const send = ses.filter((s) => s.Action !== 'ses:GetAccount');
      expect(ses.length > send.length, name).toBe(declarationOf(name).access.mail !== undefined);
      if (declarationOf(name).access.mail !== 'send') {
        expect(send, name).toEqual([]);
        continue;
      }
      expect(send, name).toHaveLength(1);
      expect(actionsOf(send).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = JSON.stringify(send[0]?.Resource);
      expect(resources).toContain(':identity/leadflow@example.com');
      expect(resources).toContain(':identity/example.com');
      expect(resources).toContain(':configuration-set/');
    }
  });
});

describe('secrets', () => {
  const declaredSecrets = [...new Set(Object.values(declarations).flatMap((d) => d.secrets ?? []))];

  it('creates one generated secret per declared name, described by stage and name, never a plaintext value', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', declaredSecrets.length);
    for (const secretName of declaredSecrets) {
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Description: `leadflow dev: ${secretName}`,
        GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
        SecretString: Match.absent(),
      });
    }
  });

  it('passes each function the ARNs of its secrets, never a value, and lets it read exactly those', () => {
    for (const name of declaredNames) {
      const names = declarationOf(name).secrets ?? [];
      const env = environmentOf(template, functionId(name));
      for (const secretName of names) expect(env, name).not.toHaveProperty(secretName);
      const readable = statementsOf(name)
        .filter((s) => actionsOf([s]).includes('secretsmanager:GetSecretValue'))
        // IAM policy minimization may merge several secrets into one statement's Resource list.
        .flatMap((s) => [s.Resource].flat())
        .map((resource) => JSON.stringify(resource))
        .sort();
      const expected = names
        .map((secretName) => {
          const secret = stateless.secrets.get(secretName);
          return JSON.stringify({ Ref: secret && logicalIdOf(secret) });
        })
        .sort();
      expect(readable, name).toEqual(expected);
    }
  });
});

describe('failure handling', () => {
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

describe('HTTP API', () => {
  it('serves one auto-deployed $default stage, throttled as configured', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: config.http.throttle.rateLimit,
        ThrottlingBurstLimit: config.http.throttle.burstLimit,
      },
    });
  });

  it('writes JSON access logs with ids, route, status and latencies, and no personal data', () => {
    const [, stage] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage')[0] ?? [];
    const settings = stage?.Properties.AccessLogSettings;
    expect(settings?.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/AccessLogs/), 'Arn'] });
    const format = JSON.parse(settings?.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    expect(settings?.Format).not.toMatch(/sourceIp|userAgent|querystring|\$input/i);
  });

  it('answers CORS preflights for browser forms from the configured origins only, for POST', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: config.http.corsAllowedOrigins,
        AllowMethods: ['POST'],
        AllowHeaders: ['content-type'],
        MaxAge: 86400,
      },
    });
    expect(config.http.corsAllowedOrigins.length).toBeGreaterThan(0);
  });
});

describe('optional parts', () => {
  it('builds no CRM destination when the stage configures no CRM', () => {
    expect(config.crm).toBeUndefined();
    template.resourceCountIs('AWS::Events::Connection', 0);
    template.resourceCountIs('AWS::Events::ApiDestination', 0);
  });

  it('builds no authorizer when no route is an admin route', () => {
    const admin = Object.values(declarations).some((d) =>
      d.triggers.some((t) => t.kind === 'http' && t.auth === 'admin'),
    );
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', admin ? 1 : 0);
  });
});

describe('outputs', () => {
  it('publishes the API URL, the webhook URL pattern and the URL of each signed source', () => {
    template.hasOutput('HttpApiUrl', {});
    template.hasOutput('WebhookUrlPattern', {
      Value: { 'Fn::Join': ['', [Match.anyValue(), '/forms/{source}']] },
    });
    const intake = Object.values(declarations).find((d) =>
      d.triggers.some((t) => t.kind === 'http' && t.method === 'POST' && t.path === '/forms/{source}'),
    );
    const signedSources = (intake?.secrets ?? []).filter((s) => s.startsWith('WEBHOOK_SECRET_'));
    expect(signedSources.length).toBeGreaterThan(0);
    for (const secretName of signedSources) {
      const source = secretName.slice('WEBHOOK_SECRET_'.length).toLowerCase();
      const outputId = `${source.charAt(0).toUpperCase()}${source.slice(1)}WebhookUrl`;
      template.hasOutput(outputId, { Value: { 'Fn::Join': ['', [Match.anyValue(), `/forms/${source}`]] } });
    }
  });

  it('links the dashboard', () => {
    template.hasOutput('DashboardUrl', { Value: Match.objectLike({}) });
  });
});
