import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { TableDefinition } from '#infra/tables.ts';

/**
 * Item-level reads: single items, batches, key and index queries, and the condition checks of a
 * transaction. There is deliberately no `dynamodb:Scan`: leadflow reads through keys and indexes,
 * so a scan in function code fails loudly instead of billing the whole table. Only a function that
 * declares `scan: 'parallel'` (the bulk worker) gets it, through grantTableScan.
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

/** What `scan: 'parallel'` adds for the bulk jobs: Scan segments and the table's item-count estimates. */
export const TABLE_SCAN_ACTIONS = ['dynamodb:Scan', 'dynamodb:DescribeTable'] as const;

/** Grants the bulk jobs' whole-table reads on the table and its declared indexes. */
export function grantTableScan(grantee: IGrantable, table: ITable, definition: TableDefinition): Grant {
  return Grant.addToPrincipal({
    grantee,
    actions: [...TABLE_SCAN_ACTIONS],
    resourceArns: [
      table.tableArn,
      ...definition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
    ],
  });
}
