import { Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { contactsTable, type TableDefinition } from '#infra/tables.ts';
import { publishMailFeedback } from './mail-feedback.ts';
import type { SharedResources } from './shared-resources.ts';
import type { StageSettings } from './stage.ts';

export interface StatefulStackProps extends StackProps {
  readonly stage: StageSettings;
  /** Sender address for outgoing mail (see {@link SharedResources.mailFrom}). */
  readonly mailFrom: string;
  /** The table description; defaults to the one the local runtime also uses. */
  readonly tableDefinition?: TableDefinition;
}

/**
 * The resources that hold data or identity: the contacts table, the application's event bus and
 * the SES configuration set. Kept apart from the functions so a stateless redeploy cannot touch them.
 */
export class StatefulStack extends Stack implements SharedResources {
  readonly table: Table;
  readonly eventBus: EventBus;
  readonly mailConfigurationSet: ConfigurationSet;
  readonly mailFrom: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const definition = props.tableDefinition ?? contactsTable;

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
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // A readable name: downstream sales tools subscribe to this bus by name.
    this.eventBus = new EventBus(this, 'EventBus', { eventBusName: `leadflow-${stage.name}` });

    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: `leadflow-${stage.name}`,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    publishMailFeedback(this, this.mailConfigurationSet, this.eventBus);

    this.mailFrom = props.mailFrom;
  }
}
