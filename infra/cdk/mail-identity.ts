import { CfnOutput } from 'aws-cdk-lib';
import { type ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/**
 * The sender's domain as an SES identity with Easy DKIM, for accounts where it does not exist yet.
 * SES verifies the domain once the three DKIM CNAME records (stack outputs) are in its DNS.
 */
export class MailDomainIdentity extends Construct {
  readonly identity: EmailIdentity;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly domain: string; readonly configurationSet: ConfigurationSet },
  ) {
    super(scope, id);
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: props.configurationSet,
      dkimSigning: true,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(scope, `DkimRecord${index + 1}`, {
        description: `DKIM CNAME ${index + 1} of 3 to create in the DNS of ${props.domain} (name = value).`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }
}
