import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Access } from '#infra/wiring/types.ts';
import { grantSendMail } from './mail-grant.ts';
import type { SharedResources } from './shared-resources.ts';

/**
 * Turns a declared {@link Access} into IAM grants, one capability at a time: a function gets
 * exactly what its declaration says and the environment (see resourceEnvironment) says the same.
 */
export function grantDeclaredAccess(fn: IFunction, access: Access, resources: SharedResources): void {
  if (access.table === 'read') resources.table.grantReadData(fn);
  if (access.table === 'readWrite') resources.table.grantReadWriteData(fn);
  if (access.bus === 'put') resources.eventBus.grantPutEventsTo(fn);
  if (access.mail === 'send') {
    grantSendMail(fn, { mailFrom: resources.mailFrom, configurationSet: resources.mailConfigurationSet });
  }
}
