import { App } from 'aws-cdk-lib';
import { addLeadflowStacks } from './leadflow-stacks.ts';

/**
 * The CDK entry point (`cdk synth|deploy`, run directly by Node 24). Choose the stage with
 * `-c stage=prod`; `mailFrom` and `publicBaseUrl` come from context too.
 */
const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

addLeadflowStacks(app, {
  stage: context('stage'),
  mailFrom: context('mailFrom'),
  publicBaseUrl: context('publicBaseUrl'),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

app.synth();
