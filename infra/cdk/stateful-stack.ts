import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { contactsTable, nonKeyAttributesOf, type TableDefinition } from '#infra/tables.ts';
import { AdminUserPool } from './admin-user-pool.ts';
import { MailEvents } from './mail-events.ts';
import { senderAddress } from './mail-grant.ts';
import { MailDomainIdentity } from './mail-identity.ts';
import { AlarmTopic } from './monitoring/alarm-topic.ts';
import { OperationsAlarms } from './monitoring/operations-alarms.ts';
import { SesReputationAlarms } from './monitoring/ses-reputation-alarms.ts';
import type { SharedResources } from './shared-resources.ts';
import type { StageSettings } from './stage.ts';

export interface StatefulStackProps extends StackProps {
  readonly stage: StageSettings;
  /** The table description; defaults to the one the local runtime also uses. */
  readonly tableDefinition?: TableDefinition;
  /** Create the admins' user pool: some declared route is an admin route. */
  readonly adminRoutes?: boolean;
}

/**
 * The resources that hold data or identity: the contacts table, the application's event bus and
 * its archive, the SES configuration set and where its events go, the admins' user pool and the
 * alarm topic. Kept apart from the functions so a stateless redeploy cannot touch them.
 */
export class StatefulStack extends Stack implements SharedResources {
  readonly table: Table;
  readonly tableDefinition: TableDefinition;
  readonly eventBus: EventBus;
  readonly mailConfigurationSet: ConfigurationSet;
  readonly mailFrom: string;
  readonly mailEvents: MailEvents;
  readonly alarmTopic: AlarmTopic;
  readonly admins: AdminUserPool | undefined;
  /** Alarms owned here: SES reputation and this stack's dead-letter queues. */
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const { config } = stage;
    const definition = props.tableDefinition ?? contactsTable;
    this.tableDefinition = definition;

    this.table = new Table(this, definition.id, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: stage.production,
      removalPolicy: stage.removalPolicy,
    });
    for (const index of definition.globalSecondaryIndexes) {
      const nonKeyAttributes = nonKeyAttributesOf(definition, index);
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: {
          name: index.sortKey,
          type: index.sortKeyType === 'number' ? AttributeType.NUMBER : AttributeType.STRING,
        },
        ...(nonKeyAttributes
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes }
          : { projectionType: ProjectionType.ALL }),
      });
    }

    // A readable name: downstream sales tools subscribe to this bus by name.
    this.eventBus = new EventBus(this, 'EventBus', { eventBusName: `leadflow-${stage.name}` });
    // Every event, kept for replay: after a bug fix, `aws events start-replay` re-feeds the consumers.
    this.eventBus.archive('Archive', {
      archiveName: `leadflow-${stage.name}`,
      description: `Every event on leadflow-${stage.name}, for replay.`,
      eventPattern: { account: [this.account] },
      retention: Duration.days(config.events.archiveRetentionDays),
    });

    this.mailFrom = config.mail.from;
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: `leadflow-${stage.name}`,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.mailEvents = new MailEvents(this, 'MailEvents', {
      configurationSet: this.mailConfigurationSet,
      applicationBus: this.eventBus,
    });
    const senderDomain = senderAddress(config.mail.from).split('@')[1] ?? '';
    if (config.mail.createDomainIdentity) {
      new MailDomainIdentity(this, 'MailDomain', {
        domain: senderDomain,
        configurationSet: this.mailConfigurationSet,
      });
    }

    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      stageName: stage.name,
      emails: config.alarms.emails,
    });
    const reputation = new SesReputationAlarms(this, 'SesReputation', {
      topic: this.alarmTopic.topic,
      stageName: stage.name,
      bounceRate: config.alarms.sesBounceRate,
      complaintRate: config.alarms.sesComplaintRate,
    });
    const deadLetters = new OperationsAlarms(this, 'DeadLetterAlarms', {
      stageName: stage.name,
      topic: this.alarmTopic.topic,
    });
    this.alarms = [
      reputation.bounceRate,
      reputation.complaintRate,
      reputation.nurturePaused,
      ...deadLetters.alarms,
    ];

    this.admins = props.adminRoutes
      ? new AdminUserPool(this, 'Admins', {
          stageName: stage.name,
          production: stage.production,
          removalPolicy: stage.removalPolicy,
        })
      : undefined;
    if (this.admins) {
      new CfnOutput(this, 'AdminUserPoolId', { value: this.admins.userPool.userPoolId });
      new CfnOutput(this, 'AdminClientId', { value: this.admins.client.userPoolClientId });
    }
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topic.topicArn });

    if (stage.production && config.alarms.emails.length === 0) {
      Annotations.of(this).addWarningV2(
        'leadflow:no-alarm-recipients',
        `Nobody is told when a production alarm fires: add alarms.emails in infra/cdk/config/${stage.name}.json, ` +
          'or subscribe to the AlarmTopicArn output yourself (chat, pager).',
      );
    }
  }
}
