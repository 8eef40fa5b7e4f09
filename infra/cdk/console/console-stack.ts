import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { StageSettings } from '../stage.ts';
import { ConsoleSite } from './console-site.ts';

export interface ConsoleStackProps extends StackProps {
  readonly stage: StageSettings;
  readonly api: IHttpApi;
  readonly adminClient: IUserPoolClient;
}

/**
 * The marketing console, in a stack of its own: CloudFront and its buckets change at another pace
 * than the functions, and can be left out of a stage (`console.enabled: false`) without touching them.
 */
export class ConsoleStack extends Stack {
  readonly site: ConsoleSite;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    this.site = new ConsoleSite(this, 'Console', props);
    new CfnOutput(this, 'ConsoleUrl', {
      description: 'The marketing console; its /admin/* routes reach the API.',
      value: this.site.url,
    });
    new CfnOutput(this, 'ConsoleDistributionDomain', {
      description: 'Point the custom domain (console.domainName) at this name, with a CNAME or an alias.',
      value: this.site.distribution.distributionDomainName,
    });
  }
}
