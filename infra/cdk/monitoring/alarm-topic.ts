import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/**
 * The SNS topic every leadflow alarm notifies (on alarm and on recovery). It lives in the stateful
 * stack so its subscriptions, which people confirmed by email, survive a redeploy of the functions.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly stageName: string; readonly emails: readonly string[] },
  ) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: `leadflow ${props.stageName} alarms`,
      enforceSSL: true,
    });
    for (const email of props.emails) this.topic.addSubscription(new EmailSubscription(email));
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and states, no personal data. CloudWatch alarms cannot ' +
        'publish to a topic encrypted with the AWS-managed SNS key, and a customer key would add a fixed ' +
        'monthly cost without protecting anything sensitive.',
    });
  }
}
