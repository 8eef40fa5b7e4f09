import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { TableDefinition } from '#infra/tables.ts';

/**
 * Item-level reads: single items, batches, key and index queries, and the condition checks of a
 * transaction. There is deliberately no `dynamodb:Scan`: leadflow reads through keys and indexes
 * (the design forbids table scans), so a scan in function code fails loudly instead of billing
 * the whole table.
 */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;

/** Item writes; a TransactWriteItems call is authorized per item against exactly these. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/**
 * Grants item access on the table and on each declared index by name. Unlike the table's own
 * `grantReadWriteData`, there is no `index/*` resource and no control-plane or stream action.
 */
export function grantTableAccess(
  grantee: IGrantable,
  table: ITable,
  definition: TableDefinition,
  level: 'read' | 'readWrite',
): Grant {
  return Grant.addToPrincipal({
    grantee,
    actions: level === 'read' ? [...TABLE_READ_ACTIONS] : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
    resourceArns: [
      table.tableArn,
      ...definition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
    ],
  });
}
