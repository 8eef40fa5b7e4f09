import { isDeepStrictEqual } from 'node:util';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ADMIN_IDENTITY_HEADER } from '#infra/cdk/http/leadflow-http-api.ts';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT } from '#infra/cdk/leadflow-function.ts';
import { RULE_RETRY_ATTEMPTS } from '#infra/cdk/trigger-rules.ts';
import { functions } from '#infra/wiring/functions.ts';
import { resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import type { FunctionDeclaration, Trigger } from '#infra/wiring/types.ts';
import { METRICS_ENV } from '#shared/runtime/metric-names.ts';
import { customFunctions } from './fixtures/custom-functions.ts';
import {
  actionsOf,
  environmentOf,
  logicalIdOf,
  type SynthesizedLeadflow,
  statementsOfRole,
  synthLeadflow,
} from './synth-leadflow.ts';

interface CfnResource {
  readonly Properties: Record<string, unknown> & {
    readonly Targets?: readonly { Arn: unknown; RetryPolicy?: unknown; DeadLetterConfig?: unknown }[];
  };
}

type Declarations = Readonly<Record<string, FunctionDeclaration>>;

// One synth per declaration for the whole file.
const appWiring = synthLeadflow({ functions });
const custom = synthLeadflow({ functions: customFunctions });

const cases: { label: string; declarations: Declarations; synthesized: SynthesizedLeadflow }[] = [
  { label: 'the app wiring', declarations: functions, synthesized: appWiring },
  {
    label: 'a custom declaration with schedules, GET routes and a shared secret',
    declarations: customFunctions,
    synthesized: custom,
  },
];

/**
 * The declaration is the single source of truth: everything it says must be in the template, and
 * nothing it does not say. Each check iterates the declaration, so new functions are covered as
 * soon as they are declared.
 */
describe.each(cases)('template agrees with $label', ({ declarations, synthesized }) => {
  const { stateless, statelessTemplate: template } = synthesized;
  const declared = Object.entries(declarations);
  const triggers = <K extends Trigger['kind']>(kind: K) =>
    declared.flatMap(([name, declaration]) =>
      declaration.triggers
        .filter((t): t is Extract<Trigger, { kind: K }> => t.kind === kind)
        .map((trigger) => ({ name, trigger })),
    );
  const functionArn = (name: string) => {
    const fn = stateless.functions[name];
    if (!fn) throw new Error(`Declared function ${name} was not built.`);
    return { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] };
  };
  const rules = Object.values(template.findResources('AWS::Events::Rule')) as CfnResource[];
  const rulesTargeting = (name: string) =>
    rules.filter((rule) => rule.Properties.Targets?.some((t) => isDeepStrictEqual(t.Arn, functionArn(name))));

  it('has exactly one rule per event or schedule trigger', () => {
    expect(rules).toHaveLength(triggers('event').length + triggers('schedule').length);
  });

  it('gives every event trigger a rule on the bus with exactly the declared pattern and that function as target', () => {
    for (const { name, trigger } of triggers('event')) {
      const matching = rulesTargeting(name).filter((rule) =>
        isDeepStrictEqual(rule.Properties.EventPattern, trigger.pattern),
      );
      expect(matching, `rule ${trigger.ruleName}`).toHaveLength(1);
      // The bus lives in the stateful stack, so its name arrives as a cross-stack reference.
      expect(JSON.stringify(matching[0]?.Properties.EventBusName)).toMatch(/EventBus/);
    }
  });

  it('gives every schedule trigger a rule with that schedule expression and that function as target', () => {
    for (const { name, trigger } of triggers('schedule')) {
      const matching = rulesTargeting(name).filter(
        (rule) => rule.Properties.ScheduleExpression === trigger.expression,
      );
      expect(matching, `rule ${trigger.ruleName}`).toHaveLength(1);
    }
  });

  it('retries every rule delivery and dead-letters what still fails', () => {
    for (const rule of rules) {
      for (const target of rule.Properties.Targets ?? []) {
        expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: RULE_RETRY_ATTEMPTS });
        expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
      }
    }
  });

  it('has exactly one route per http trigger, "<METHOD> <path>", integrated with that function (payload 2.0)', () => {
    const httpTriggers = triggers('http');
    template.resourceCountIs('AWS::ApiGatewayV2::Route', httpTriggers.length);
    for (const { name, trigger } of httpTriggers) {
      const routes = Object.values(
        template.findResources('AWS::ApiGatewayV2::Route', {
          Properties: { RouteKey: `${trigger.method} ${trigger.path}` },
        }),
      );
      expect(routes, `route ${trigger.method} ${trigger.path}`).toHaveLength(1);
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration', {
        Properties: {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: functionArn(name),
          PayloadFormatVersion: '2.0',
        },
      });
      const integrationTargets = Object.keys(integrations).map((id) => ({
        'Fn::Join': ['', ['integrations/', { Ref: id }]],
      }));
      expect(integrationTargets).toContainEqual(routes[0]?.Properties.Target);
    }
  });

  it('puts every admin route behind the Cognito JWT authorizer, with its own throttle, and no public one', () => {
    const authorizers = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    for (const { trigger } of triggers('http')) {
      const routeKey = `${trigger.method} ${trigger.path}`;
      const [route] = Object.values(
        template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }),
      );
      if (trigger.auth === 'admin') {
        expect(route?.Properties, routeKey).toMatchObject({ AuthorizationType: 'JWT' });
        expect(authorizers.map((id) => ({ Ref: id }))).toContainEqual(route?.Properties.AuthorizerId);
        expect(stage?.Properties.RouteSettings?.[routeKey], routeKey).toEqual({
          ThrottlingRateLimit: synthesized.config.http.adminThrottle.rateLimit,
          ThrottlingBurstLimit: synthesized.config.http.adminThrottle.burstLimit,
        });
      } else {
        expect(route?.Properties.AuthorizationType ?? 'NONE', routeKey).toBe('NONE');
        expect(route?.Properties.AuthorizerId, routeKey).toBeUndefined();
      }
    }
    const admin = triggers('http').some(({ trigger }) => trigger.auth === 'admin');
    expect(authorizers).toHaveLength(admin ? 1 : 0);
    if (admin) {
      const [authorizer] = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      expect(authorizer?.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: [`$request.header.${ADMIN_IDENTITY_HEADER}`],
      });
      // The admins' pool and its client live in the stateful stack: the issuer is that pool's URL
      // and the only audience accepted is that client.
      const jwt = JSON.stringify(authorizer?.Properties.JwtConfiguration);
      expect(jwt).toContain('cognito-idp.');
      expect(jwt).toMatch(/AdminsUserPool[A-Za-z0-9]*/);
      expect(authorizer?.Properties.JwtConfiguration.Audience).toHaveLength(1);
      expect(JSON.stringify(authorizer?.Properties.JwtConfiguration.Audience)).toMatch(/CliClient/);
    }
  });

  it('parks failed invocations of every asynchronously invoked function in a queue, after two retries', () => {
    for (const [name, declaration] of declared) {
      const fn = stateless.functions[name];
      if (!fn) throw new Error(`Declared function ${name} was not built.`);
      const configs = Object.values(
        template.findResources('AWS::Lambda::EventInvokeConfig', {
          Properties: { FunctionName: { Ref: logicalIdOf(fn) } },
        }),
      );
      if (declaration.triggers.some((t) => t.kind !== 'http')) {
        expect(configs, name).toHaveLength(1);
        expect(configs[0]?.Properties).toMatchObject({
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } },
        });
      } else {
        expect(configs, name).toHaveLength(0);
      }
    }
  });

  it('alarms on errors and throttles of every declared function', () => {
    for (const [name] of declared) {
      const fn = stateless.functions[name];
      if (!fn) throw new Error(`Declared function ${name} was not built.`);
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(fn) } }],
          Threshold: 1,
          AlarmActions: [Match.anyValue()],
        });
      }
    }
  });

  it('alarms on every queue of the stack, all of which are dead-letter queues', () => {
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 1,
        AlarmActions: [Match.anyValue()],
      });
    }
  });

  it('sets each function timeout and memory from its declaration or the defaults', () => {
    for (const [name, declaration] of declared) {
      const fn = stateless.functions[name];
      if (!fn) throw new Error(`Declared function ${name} was not built.`);
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: declaration.description,
        Timeout: declaration.timeoutSeconds ?? DEFAULT_TIMEOUT.toSeconds(),
        MemorySize: declaration.memoryMb ?? DEFAULT_MEMORY_MB,
      });
    }
  });

  it('gives each function the resource locations its access allows, its settings and its secret ARNs', () => {
    const locations = {
      tableName: 't',
      eventBusName: 'b',
      mailFrom: 'm',
      mailConfigurationSet: 'c',
      mailSender: 'j',
      sendingPolicy: 'p',
    };
    for (const [name, declaration] of declared) {
      const fn = stateless.functions[name];
      if (!fn) throw new Error(`Declared function ${name} was not built.`);
      const env = environmentOf(template, logicalIdOf(fn));
      const expectedLocations = Object.keys(
        resourceEnvironment(declaration.access, {
          ...locations,
          ...(stateless.http ? { publicBaseUrl: 'u' } : {}),
        }),
      )
        .concat(METRICS_ENV.stage)
        .concat(Object.keys(declaration.environment ?? {}).filter((key) => key.startsWith('LEADFLOW_')))
        .sort();
      expect(
        Object.keys(env)
          .filter((key) => key.startsWith('LEADFLOW_') && !key.endsWith('_SECRET_ARN'))
          .sort(),
        name,
      ).toEqual(expectedLocations);
      expect(env, name).toMatchObject(declaration.environment ?? {});
      const secretArns = Object.keys(env).filter((key) => key.endsWith('_SECRET_ARN'));
      expect(secretArns.sort(), name).toEqual(
        (declaration.secrets ?? []).map((s) => `${s}_SECRET_ARN`).sort(),
      );
      for (const secretName of declaration.secrets ?? []) {
        const secret = stateless.secrets.get(secretName);
        expect(secret, secretName).toBeDefined();
        expect(env[`${secretName}_SECRET_ARN`]).toEqual({ Ref: secret && logicalIdOf(secret) });
      }
    }
  });

  it('creates each named secret once, however many functions declare it', () => {
    const names = new Set(declared.flatMap(([, declaration]) => declaration.secrets ?? []));
    template.resourceCountIs('AWS::SecretsManager::Secret', names.size);
  });

  it('grants each function exactly the access it declares', () => {
    for (const [name, { access, secrets = [] }] of declared) {
      const role = stateless.functions[name]?.role;
      if (!role) throw new Error(`Declared function ${name} has no role.`);
      const actions = actionsOf(statementsOfRole(template, logicalIdOf(role)));
      const has = (action: string) => actions.includes(action);
      expect(
        {
          readsTable: has('dynamodb:GetItem') && has('dynamodb:Query'),
          writesTable: has('dynamodb:PutItem') || has('dynamodb:UpdateItem') || has('dynamodb:DeleteItem'),
          putsEvents: has('events:PutEvents'),
          sendsMail: has('ses:SendEmail'),
          readsSecrets: has('secretsmanager:GetSecretValue'),
        },
        name,
      ).toEqual({
        readsTable: access.table !== undefined,
        writesTable: access.table === 'readWrite',
        putsEvents: access.bus === 'put',
        sendsMail: access.mail === 'send',
        readsSecrets: secrets.length > 0,
      });
    }
  });
});

describe('a custom declaration with schedule triggers', () => {
  const { stateless, statelessTemplate: template } = custom;

  it('yields a schedule rule on the default bus with the declared expression, targeting the function', () => {
    const nightly = stateless.functions.nightlyDecay;
    if (!nightly) throw new Error('nightlyDecay was not built.');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      EventBusName: Match.absent(),
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(nightly), 'Arn'] } })],
    });
  });

  it('publishes no generic webhook URL when no form route is declared', () => {
    template.hasOutput('HttpApiUrl', {});
    expect(template.findOutputs('GenericWebhookUrl')).toEqual({});
  });
});
