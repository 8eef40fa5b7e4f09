import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_SET_TAG, SES_EVENT_SOURCE } from '#infra/cdk/mail-events.ts';
import { stageSettings } from '#infra/cdk/stage.ts';
import { StatefulStack } from '#infra/cdk/stateful-stack.ts';
import { contactsTable, nonKeyAttributesOf } from '#infra/tables.ts';
import { functions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { METRICS } from '#shared/runtime/metric-names.ts';
import {
  EVERYTHING_ON,
  logicalIdOf,
  PRODUCTION_MAIL,
  resourcesOf,
  stageConfig,
  synthLeadflow,
} from './synth-leadflow.ts';

const { statefulTemplate: template, stateful, config } = synthLeadflow({ stage: 'dev' });

describe('stateful stack (dev)', () => {
  it('builds the contacts table from its shared definition: string keys, on demand, TTL, PITR, AWS-managed key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: contactsTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: contactsTable.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: contactsTable.partitionKey, AttributeType: 'S' },
        { AttributeName: contactsTable.sortKey, AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: contactsTable.timeToLiveAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // SSE enabled without a customer key is the AWS-managed aws/dynamodb key.
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
    });
  });

  it('has exactly the declared global secondary indexes', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes: { IndexName: string }[] = table?.Properties.GlobalSecondaryIndexes ?? [];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(
      contactsTable.globalSecondaryIndexes.map((i) => i.indexName).sort(),
    );
  });

  it('projects each index as declared: the scheduling indexes only the contact id, the review queue everything', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes: { IndexName: string; Projection: unknown }[] =
      table?.Properties.GlobalSecondaryIndexes ?? [];
    const projectionOf = (name: string) => indexes.find((index) => index.IndexName === name)?.Projection;
    for (const name of ['RescoreDue', 'NurtureDue']) {
      expect(projectionOf(name)).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: ['contactId'] });
    }
    expect(projectionOf('ReviewQueue')).toEqual({ ProjectionType: 'ALL' });
    for (const index of contactsTable.globalSecondaryIndexes) {
      const nonKey = nonKeyAttributesOf(contactsTable, index);
      expect(projectionOf(index.indexName)).toEqual(
        nonKey ? { ProjectionType: 'INCLUDE', NonKeyAttributes: nonKey } : { ProjectionType: 'ALL' },
      );
    }
  });

  it('lets a dev stage be deleted with its data', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('creates the stage-named event bus and archives every event on it for replay', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'leadflow-dev' });
    template.resourceCountIs('AWS::Events::Archive', 1);
    template.hasResourceProperties('AWS::Events::Archive', {
      ArchiveName: 'leadflow-dev',
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(stateful.eventBus), 'Arn'] },
      // Every event of the bus comes from this account, so this pattern archives them all.
      EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
      RetentionDays: config.events.archiveRetentionDays,
    });
  });

  it('creates the SES configuration set with reputation metrics and account suppression', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'leadflow-dev',
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
  });

  it('publishes every SES sending event to the default bus (the only one SES can use)', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: logicalIdOf(stateful.mailConfigurationSet) },
      EventDestination: Match.objectLike({
        Enabled: true,
        // SES lists them in this order; every one the feedback loop and the dashboard use is there.
        MatchingEventTypes: Match.arrayWith(['send', 'bounce', 'complaint', 'delivery', 'open', 'click']),
        EventBridgeDestination: {
          EventBusArn: {
            'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':event-bus/default$')])],
          },
        },
      }),
    });
  });

  it('counts sending events per configuration set in CloudWatch, for the dashboard', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        CloudWatchDestination: {
          DimensionConfigurations: [
            {
              DimensionName: CONFIGURATION_SET_TAG,
              DimensionValueSource: 'messageTag',
              DefaultDimensionValue: 'none',
            },
          ],
        },
      }),
    });
  });

  it("forwards this configuration set's SES events from the default bus to the application bus, with a DLQ", () => {
    const forward = resourcesOf(template, 'AWS::Events::Rule').map(([, rule]) => rule.Properties);
    expect(forward).toHaveLength(1);
    expect(forward[0]?.EventBusName).toBe('default');
    expect(forward[0]?.EventPattern).toEqual({
      source: [SES_EVENT_SOURCE],
      detail: {
        mail: { tags: { [CONFIGURATION_SET_TAG]: [{ Ref: logicalIdOf(stateful.mailConfigurationSet) }] } },
      },
    });
    expect(forward[0]?.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [logicalIdOf(stateful.eventBus), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
      }),
    ]);
  });

  it('lets EventBridge put on the application bus only, for the forward', () => {
    const policies = resourcesOf(template, 'AWS::IAM::Policy').flatMap(
      ([, policy]) => policy.Properties.PolicyDocument.Statement,
    );
    expect(policies).toEqual([
      expect.objectContaining({
        Action: 'events:PutEvents',
        Resource: { 'Fn::GetAtt': [logicalIdOf(stateful.eventBus), 'Arn'] },
      }),
    ]);
  });

  it('alarms before SES reviews the account: bounces and complaints below 5 % and 0.1 %', () => {
    for (const [metric, threshold] of [
      ['Reputation.BounceRate', config.alarms.sesBounceRate],
      ['Reputation.ComplaintRate', config.alarms.sesComplaintRate],
    ] as const) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
        OKActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      });
    }
    expect(config.alarms.sesBounceRate).toBeLessThan(0.05);
    expect(config.alarms.sesComplaintRate).toBeLessThan(0.001);
  });

  it("tells operators when leadflow's own breaker pauses nurture, on the metric the senders emit", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'leadflow-dev-nurture-paused',
      Namespace: METRICS.namespace,
      MetricName: METRICS.nurturePaused,
      Dimensions: Match.arrayWith([{ Name: METRICS.stageDimension, Value: 'dev' }]),
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
    });
  });

  it('alarms on the forward dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailEventsForwardDlq'), 'QueueName'] },
        },
      ],
      Threshold: 1,
    });
  });

  it('has a TLS-only alarm topic without subscribers when none are configured', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('creates the admin user pool only when a route is declared admin, and no domain identity unless configured', () => {
    const isAdminRoute = (declaration: FunctionDeclaration) =>
      declaration.triggers.some((trigger) => trigger.kind === 'http' && trigger.auth === 'admin');
    const declared = Object.values<FunctionDeclaration>(functions);
    template.resourceCountIs('AWS::Cognito::UserPool', declared.some(isAdminRoute) ? 1 : 0);
    const publicOnly = Object.fromEntries(
      Object.entries<FunctionDeclaration>(functions).filter(([, declaration]) => !isAdminRoute(declaration)),
    );
    synthLeadflow({ functions: publicOnly }).statefulTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
  });

  it('holds no functions: those live in the stateless stack', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });
});

describe('stateful stack (prod, with admin routes and everything on)', () => {
  // Only the stateful stack is needed here, so this synth is a small one.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const prodConfig = stageConfig('prod', EVERYTHING_ON);
  const prod = Template.fromStack(
    new StatefulStack(app, 'prod-stateful', { stage: stageSettings(prodConfig), adminRoutes: true }),
  );

  it('retains and protects the table', () => {
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('names the bus after the stage and keeps its archive as configured', () => {
    prod.hasResourceProperties('AWS::Events::EventBus', { Name: 'leadflow-prod' });
    prod.hasResourceProperties('AWS::Events::Archive', {
      RetentionDays: prodConfig.events.archiveRetentionDays,
    });
  });

  it('subscribes the configured addresses to the alarm topic', () => {
    prod.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@leadflow-customer.test',
    });
  });

  it("creates the sender's domain as an SES identity with Easy DKIM, and outputs its three records", () => {
    prod.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'leadflow-customer.test',
      DkimAttributes: { SigningEnabled: true },
    });
    expect(Object.keys(prod.findOutputs('*')).filter((id) => id.startsWith('DkimRecord'))).toHaveLength(3);
  });

  it('keeps admins in a protected pool: no self sign-up, strong passwords, TOTP required, threat protection', () => {
    prod.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtection: 'ACTIVE',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    });
    prod.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
    });
    // Publishing configuration is a permission of its own, beyond reviewing leads.
    prod.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'publishers',
      UserPoolId: Match.anyValue(),
    });
    prod.hasOutput('AdminUserPoolId', {});
    prod.hasOutput('AdminClientId', {});
  });
});

describe('production configuration without alarm recipients', () => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new StatefulStack(app, 'unconfigured-prod', {
    stage: stageSettings(stageConfig('prod', { mail: PRODUCTION_MAIL })),
  });
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());

  it('warns at synth that nobody would hear a production alarm', () => {
    expect(warnings.map((w) => String(w.entry.data))).toContainEqual(
      expect.stringMatching(/Nobody is told when a production alarm fires/),
    );
  });

  it('does not warn a dev stage', () => {
    expect(Annotations.fromStack(stateful).findWarning('*', Match.anyValue())).toEqual([]);
  });
});
