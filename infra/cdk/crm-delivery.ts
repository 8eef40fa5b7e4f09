import { Duration, SecretValue } from 'aws-cdk-lib';
import {
  ApiDestination,
  Authorization,
  Connection,
  HttpMethod,
  HttpParameter,
  type IEventBus,
  Rule,
} from 'aws-cdk-lib/aws-events';
import { ApiDestination as ApiDestinationTarget } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { patternFor } from '#events/contract.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { CrmConfig } from './config/stage-config.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { toCdkEventPattern } from './trigger-rules.ts';

/**
 * EventBridge retries a failing CRM call with backoff for up to this long (its maximum), so a CRM
 * outage of a day loses nothing; after that the event waits in the dead-letter queue.
 */
export const CRM_MAX_EVENT_AGE = Duration.hours(24);
/** EventBridge's maximum: retries are bounded by {@link CRM_MAX_EVENT_AGE}, not by a count. */
export const CRM_RETRY_ATTEMPTS = 185;

/**
 * Hands every "Prospect Qualified" to a CRM webhook through an EventBridge API destination: no
 * function to run, rate-limited calls, retries, and a dead-letter queue of its own. The request
 * body is the whole event; `detail.qualificationId` is the idempotency key to de-duplicate on.
 * The credential is read by CloudFormation from a secret the operator created, never from code.
 */
export class CrmDelivery extends Construct {
  readonly rule: Rule;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly destination: ApiDestination;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly crm: CrmConfig; readonly eventBus: IEventBus; readonly stageName: string },
  ) {
    super(scope, id);
    const { crm } = props;
    const connection = new Connection(this, 'Connection', {
      description: `leadflow ${props.stageName}: credentials for the CRM webhook.`,
      authorization: authorizationFor(crm.auth),
    });
    this.destination = new ApiDestination(this, 'Destination', {
      description: `leadflow ${props.stageName}: the CRM webhook that receives qualified prospects.`,
      connection,
      endpoint: crm.endpoint,
      httpMethod: HttpMethod[crm.httpMethod],
      rateLimitPerSecond: crm.rateLimitPerSecond,
    });
    this.deadLetterQueue = new DeadLetterQueue(this, 'Dlq', {
      holds: '"Prospect Qualified" events the CRM did not accept within 24 hours',
    });
    this.rule = new Rule(this, 'DeliverProspects', {
      description: 'Delivers every "Prospect Qualified" to the CRM webhook.',
      eventBus: props.eventBus,
      eventPattern: toCdkEventPattern(patternFor(prospectQualified)),
      targets: [
        new ApiDestinationTarget(this.destination, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: CRM_RETRY_ATTEMPTS,
          maxEventAge: CRM_MAX_EVENT_AGE,
        }),
      ],
    });
  }
}

function authorizationFor(auth: CrmConfig['auth']): Authorization {
  const secret = SecretValue.secretsManager(auth.secretName);
  switch (auth.type) {
    case 'apiKey':
      return Authorization.apiKey(auth.headerName, secret);
    case 'basic':
      return Authorization.basic(auth.username, secret);
    case 'oauthClientCredentials':
      return Authorization.oauth({
        authorizationEndpoint: auth.tokenEndpoint,
        httpMethod: HttpMethod.POST,
        clientId: auth.clientId,
        clientSecret: secret,
        bodyParameters: {
          grant_type: HttpParameter.fromString('client_credentials'),
          ...(auth.scope ? { scope: HttpParameter.fromString(auth.scope) } : {}),
        },
      });
  }
}
