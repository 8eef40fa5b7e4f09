import { type App, Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { BUCKET_DEPLOYMENT_HANDLER } from '#infra/cdk/console/bucket-deployment-nag.ts';
import { DeadLetterQueue } from '#infra/cdk/dead-letter-queue.ts';
import { customFunctions } from './fixtures/custom-functions.ts';
import { EVERYTHING_ON, type SynthesizedLeadflow, synthLeadflow } from './synth-leadflow.ts';

/**
 * cdk-nag runs inside these synths exactly as in `cdk synth` (a finding makes the synth throw), and
 * once more directly so that warnings, which do not fail a synth, are caught too.
 */
const dev = synthLeadflow({ stage: 'dev', nag: true });
const prod = synthLeadflow({
  stage: 'prod',
  configPatch: EVERYTHING_ON,
  functions: customFunctions,
  nag: true,
});
const cases: { label: string; synthesized: SynthesizedLeadflow }[] = [
  { label: 'dev, the app wiring', synthesized: dev },
  {
    label: 'prod with admin routes, schedules, a CRM, a domain identity and alarm recipients',
    synthesized: prod,
  },
];

/** What each accepted finding may concern; anything else acknowledged is a mistake. */
const ACCEPTED: Record<string, (construct: IConstruct) => boolean> = {
  'AwsSolutions-SQS3': (c) => c instanceof DeadLetterQueue,
  'AwsSolutions-APIG4': (c) => c.node.path.includes('/Http/Api/'),
  'AwsSolutions-SMG4': (c) => /Secret$/.test(c.node.id),
  'AwsSolutions-SNS2': (c) => c.node.path.endsWith('/AlarmTopic/Topic'),
  'AwsSolutions-S1': (c) => c.node.path.endsWith('/Console/AccessLogs'),
  'AwsSolutions-CFR1': (c) => c instanceof Distribution,
  'AwsSolutions-CFR2': (c) => c instanceof Distribution,
  'AwsSolutions-CFR4': (c) => c instanceof Distribution,
  'AwsSolutions-IAM4': (c) => BUCKET_DEPLOYMENT_HANDLER.test(c.node.id),
  // A sending function's role: ses:GetAccount is account-wide (see the test below).
  'AwsSolutions-IAM5': (c) => BUCKET_DEPLOYMENT_HANDLER.test(c.node.id) || /^\w+Role$/.test(c.node.id),
  'AwsSolutions-L1': (c) => BUCKET_DEPLOYMENT_HANDLER.test(c.node.id),
};

interface Acknowledgement {
  readonly construct: IConstruct;
  readonly rule: string;
  readonly reason: string;
}

function acknowledgementsIn(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          construct,
          rule: id.replace(/^Annotation::/, ''),
          reason,
        })),
      ),
  );
}

describe.each(cases)('cdk-nag AwsSolutions on $label', ({ synthesized }) => {
  it('synthesizes with zero unacknowledged findings, errors or warnings', () => {
    const result = new AwsSolutionsChecks(synthesized.app).validateScope(synthesized.app);
    expect(result.violations.map((v) => `${v.ruleName}: ${v.description}`)).toEqual([]);
  });

  it('acknowledges only the accepted rules, each on what it concerns, each with a real reason', () => {
    const acknowledgements = acknowledgementsIn(synthesized.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { construct, rule, reason } of acknowledgements) {
      // A finding acknowledged item by item (`AwsSolutions-IAM5[Action::s3:List*]`) is its rule's.
      const concerns = ACCEPTED[rule.replace(/\[.*\]$/, '')];
      expect(concerns, `${rule} on ${construct.node.path}`).toBeDefined();
      expect(concerns?.(construct), `${rule} on ${construct.node.path}`).toBe(true);
      expect(reason.length, `${rule} on ${construct.node.path}`).toBeGreaterThanOrEqual(60);
    }
  });
});

describe("wildcard resources in the functions' policies", () => {
  it("are ses:GetAccount's alone, which IAM offers no narrower resource for", () => {
    for (const { synthesized } of cases) {
      const policies = synthesized.statelessTemplate.findResources('AWS::IAM::Policy');
      const wildcards = Object.values(policies).flatMap((policy) =>
        (policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[]).filter(
          (statement) => statement.Resource === '*',
        ),
      );
      expect(wildcards.length).toBeGreaterThan(0);
      for (const statement of wildcards) expect(statement.Action).toBe('ses:GetAccount');
    }
  });
});

describe('admin routes and cdk-nag', () => {
  it('needs no APIG4 acknowledgement for an admin route: the authorizer satisfies it', () => {
    const adminRoutes = acknowledgementsIn(prod.app).filter(
      ({ rule, construct }) => rule === 'AwsSolutions-APIG4' && construct.node.path.includes('DELETE'),
    );
    expect(adminRoutes).toEqual([]);
  });
});

/**
 * Each resource kind the stacks can create, and the test that asserts its properties. A kind added
 * without a test fails here until someone writes one and lists it.
 */
const TESTED_KINDS: Record<string, string> = {
  'AWS::DynamoDB::Table': 'stateful-stack: keys, PITR, encryption, TTL, retention',
  'AWS::Events::EventBus': 'stateful-stack: stage name',
  'AWS::Events::Archive': 'stateful-stack: every event, retention',
  'AWS::Events::Rule': 'wiring-agreement (functions), stateful-stack (SES forward), operations (CRM)',
  'AWS::Events::Connection': 'operations: CRM credentials from a secret',
  'AWS::Events::ApiDestination': 'operations: endpoint, method, rate',
  'AWS::SES::ConfigurationSet': 'stateful-stack: reputation, suppression',
  'AWS::SES::ConfigurationSetEventDestination': 'stateful-stack: EventBridge and CloudWatch',
  'AWS::SES::EmailIdentity': 'stateful-stack (prod): Easy DKIM',
  'AWS::Cognito::UserPool': 'stateful-stack (prod): MFA, passwords, no self sign-up',
  'AWS::Cognito::UserPoolClient': 'stateful-stack (prod): no secret, auth flows',
  'AWS::Cognito::UserPoolGroup': 'stateful-stack (prod): the publishers group',
  'AWS::SNS::Topic': 'stateful-stack: TLS only',
  'AWS::SNS::TopicPolicy': 'stateful-stack: TLS only',
  'AWS::SNS::Subscription': 'stateful-stack (prod): configured recipients',
  'AWS::SQS::Queue': 'stateless-stack: encryption; wiring-agreement: alarmed',
  'AWS::SQS::QueuePolicy': 'stateless-stack: TLS only',
  'AWS::CloudWatch::Alarm': 'wiring-agreement, stateful-stack, operations',
  'AWS::CloudWatch::Dashboard': 'operations: funnel and health',
  'AWS::IAM::Role': 'stateless-stack: own role, no managed policy',
  'AWS::IAM::Policy': 'stateless-stack and wiring-agreement: least privilege',
  'AWS::Lambda::Function': 'stateless-stack and wiring-agreement: defaults, env',
  'AWS::Lambda::EventInvokeConfig': 'wiring-agreement: on-failure queue',
  'AWS::Lambda::Permission': 'operations: only API Gateway and EventBridge may invoke',
  'AWS::Logs::LogGroup': 'stateless-stack: retention',
  'AWS::SecretsManager::Secret': 'stateless-stack: generated, ARN only',
  'AWS::ApiGatewayV2::Api': 'stateless-stack: CORS',
  'AWS::ApiGatewayV2::Stage': 'stateless-stack: throttle, access logs',
  'AWS::ApiGatewayV2::Route': 'wiring-agreement: one per trigger, authorizer on admin',
  'AWS::ApiGatewayV2::Integration': 'wiring-agreement: payload 2.0 proxy',
  'AWS::ApiGatewayV2::Authorizer': 'wiring-agreement: JWT on the admin identity header',
  'AWS::S3::Bucket': 'console-stack: private, encrypted, access logs, log expiry',
  'AWS::S3::BucketPolicy': 'console-stack: TLS only',
  'AWS::CloudFront::Distribution': 'console-stack: OAC, /admin/* uncached to the API, logging, custom domain',
  'AWS::CloudFront::OriginAccessControl': 'console-stack: S3, always signed',
  'AWS::CloudFront::ResponseHeadersPolicy': 'console-stack: CSP, HSTS, no framing',
  'Custom::CDKBucketDeployment': 'console-stack: immutable assets, page never cached',
  'AWS::Lambda::LayerVersion': "console-stack: the CDK's copy function's CLI layer",
};

describe('resource kinds', () => {
  const kinds = new Set(
    cases.flatMap(({ synthesized }) =>
      [synthesized.statefulTemplate, synthesized.statelessTemplate, synthesized.consoleTemplate].flatMap(
        (template?: Template) =>
          !template
            ? []
            : Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map(
                (r) => r.Type,
              ),
      ),
    ),
  );

  it('has a test for every kind of resource the stacks create', () => {
    expect([...kinds].filter((kind) => !(kind in TESTED_KINDS)).sort()).toEqual([]);
  });

  it('lists no kind the stacks no longer create', () => {
    expect(
      Object.keys(TESTED_KINDS)
        .filter((kind) => !kinds.has(kind))
        .sort(),
    ).toEqual([]);
  });
});
