import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Access } from '#infra/wiring/types.ts';
import { grantReadSendQuota, grantSendMail } from './mail-grant.ts';
import type { SharedResources } from './shared-resources.ts';
import { grantTableAccess, grantTableScan } from './table-grant.ts';

/**
 * Turns a declared {@link Access} into IAM grants, one capability at a time: a function gets
 * exactly what its declaration says and the environment (see resourceEnvironment) says the same.
 */
export function grantDeclaredAccess(fn: IFunction, access: Access, resources: SharedResources): void {
  if (access.table) grantTableAccess(fn, resources.table, resources.tableDefinition, access.table);
  if (access.scan === 'parallel') grantTableScan(fn, resources.table, resources.tableDefinition);
  if (access.bus === 'put') resources.eventBus.grantPutEventsTo(fn);
  if (access.mail === 'send') {
    grantSendMail(fn, { mailFrom: resources.mailFrom, configurationSet: resources.mailConfigurationSet });
  }
  if (access.mail) grantReadSendQuota(fn);
}
