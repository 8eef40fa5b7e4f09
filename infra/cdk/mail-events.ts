import { Stack } from 'aws-cdk-lib';
import { EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import {
  CloudWatchDimensionSource,
  type ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { CONFIGURATION_SET_TAG } from '#shared/sending/sending-ledger.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';

export { CONFIGURATION_SET_TAG };

/** SES's events (sent, delivered, bounced, complained, opened, clicked…) as EventBridge names their source. */
export const SES_EVENT_SOURCE = 'aws.ses';

/**
 * Routes the configuration set's sending events where leadflow can use them:
 *
 * - to EventBridge: SES publishes only to the account's default bus, so a rule there forwards the
 *   events of this configuration set (and no other application's) to the application bus, where the
 *   wiring's rules (suppress on bounce, score on click…) match them like any leadflow event;
 * - to CloudWatch, as per-configuration-set counts (sends, deliveries, bounces, complaints, opens,
 *   clicks) for the funnel dashboard.
 */
export class MailEvents extends Construct {
  readonly forwardRule: Rule;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly configurationSet: ConfigurationSet; readonly applicationBus: IEventBus },
  ) {
    super(scope, id);
    const { configurationSet } = props;
    const defaultBus = EventBus.fromEventBusArn(
      this,
      'DefaultBus',
      Stack.of(this).formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' }),
    );
    configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(defaultBus),
      events: Object.values(EmailSendingEvent),
    });
    configurationSet.addEventDestination('ToCloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        { name: CONFIGURATION_SET_TAG, source: CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'none' },
      ]),
      events: Object.values(EmailSendingEvent),
    });

    const deadLetterQueue = new DeadLetterQueue(this, 'ForwardDlq', {
      holds: 'SES events that could not be forwarded from the default bus to the application bus',
    });
    this.forwardRule = new Rule(this, 'Forward', {
      description: `Forwards SES events of ${configurationSet.configurationSetName} to the application bus.`,
      eventBus: defaultBus,
      eventPattern: {
        source: [SES_EVENT_SOURCE],
        detail: { mail: { tags: { [CONFIGURATION_SET_TAG]: [configurationSet.configurationSetName] } } },
      },
      targets: [new EventBusTarget(props.applicationBus, { deadLetterQueue })],
    });
  }
}
