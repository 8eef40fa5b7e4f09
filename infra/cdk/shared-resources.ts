import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { TableDefinition } from '#infra/tables.ts';

/**
 * The long-lived resources the functions use. The stateful stack owns them; the stateless stack
 * only receives this view, so redeploying or deleting functions can never replace the data.
 */
export interface SharedResources {
  readonly table: ITable;
  /** The table's shape: grants name each declared index instead of `index/*`. */
  readonly tableDefinition: TableDefinition;
  readonly eventBus: IEventBus;
  readonly mailConfigurationSet: IConfigurationSet;
  /** The sender address nurture mail goes out from; its address or domain must be a verified SES identity. */
  readonly mailFrom: string;
}
