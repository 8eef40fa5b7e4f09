import { EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import { type ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { SES_EMAIL_EVENTS, SES_SOURCE } from '#events/ses-email-events.ts';

/** The SES events leadflow acts on (see events/ses-email-events.ts and functions/ses-feedback). */
export const MAIL_FEEDBACK_EVENTS = [
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.OPEN,
  EmailSendingEvent.CLICK,
];

/**
 * Brings SES feedback onto the application bus. SES can only publish email events to the account's
 * default bus, so the configuration set publishes there and one rule forwards the events of this
 * configuration set (and no other's) to the application bus, where the declared rules consume them
 * like any other event; locally, tests put the same events on the one local bus.
 */
export function publishMailFeedback(
  scope: Construct,
  configurationSet: ConfigurationSet,
  applicationBus: IEventBus,
): void {
  const defaultBus = EventBus.fromEventBusName(scope, 'DefaultEventBus', 'default');
  configurationSet.addEventDestination('MailFeedbackToEventBridge', {
    destination: EventDestination.eventBus(defaultBus),
    events: MAIL_FEEDBACK_EVENTS,
  });
  new Rule(scope, 'ForwardMailFeedback', {
    eventBus: defaultBus,
    description: 'Forwards SES feedback of the leadflow configuration set to the application bus.',
    eventPattern: {
      source: [SES_SOURCE],
      detailType: SES_EMAIL_EVENTS.map((contract) => contract.detailType),
      detail: { mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } } },
    },
    targets: [new EventBusTarget(applicationBus)],
  });
}
