import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stageSettings } from '#infra/cdk/stage.ts';
import { StatefulStack } from '#infra/cdk/stateful-stack.ts';
import { contactsTable } from '#infra/tables.ts';
import { synthLeadflow } from './synth-leadflow.ts';

const { statefulTemplate: template } = synthLeadflow({ stage: 'dev' });

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

  it('lets a dev stage be deleted with its data', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('creates the stage-named event bus and SES configuration set', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'leadflow-dev' });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'leadflow-dev',
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
  });

  it('holds no functions: those live in the stateless stack', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });
});

describe('stateful stack (prod)', () => {
  // Only the stateful stack is needed here, so this synth is a small one.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const prod = Template.fromStack(
    new StatefulStack(app, 'prod-stateful', { stage: stageSettings('prod'), mailFrom: 'leads@example.org' }),
  );

  it('retains and protects the table', () => {
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('names the bus after the stage', () => {
    prod.hasResourceProperties('AWS::Events::EventBus', { Name: 'leadflow-prod' });
  });
});
