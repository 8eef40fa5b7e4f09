import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

/**
 * Where something that failed after its retries is parked: a failed Lambda invocation, an event a
 * rule could not deliver, a prospect the CRM refused. Encrypted, TLS-only, kept 14 days (SQS's
 * maximum) so an operator has two weeks to inspect and redrive it. Every one of them is alarmed on
 * (see OperationsAlarms), so "nothing accepted is ever lost" is also "nothing failed unnoticed".
 */
export class DeadLetterQueue extends Queue {
  /** What ends up here, in words an operator reads on the alarm. */
  readonly holds: string;

  constructor(scope: Construct, id: string, props: { readonly holds: string }) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.holds = props.holds;
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue; a DLQ of a DLQ would only move the problem.',
    });
  }

  /** Every dead-letter queue under a scope, in construct order. */
  static within(scope: IConstruct): DeadLetterQueue[] {
    return scope.node.findAll().filter((c): c is DeadLetterQueue => c instanceof DeadLetterQueue);
  }
}
