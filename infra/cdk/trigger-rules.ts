import {
  type EventPattern as CdkEventPattern,
  type CfnRule,
  type IEventBus,
  Rule,
  Schedule,
} from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { EventPattern, EventTrigger, ScheduleTrigger } from '#infra/wiring/types.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';

/** EventBridge retries a failed delivery twice before it gives the event to the rule's DLQ. */
export const RULE_RETRY_ATTEMPTS = 2;

/**
 * An EventBridge rule on the application's bus whose pattern is exactly the declared one.
 *
 * The declaration speaks EventBridge's own JSON (`detail-type`), which is also what the local
 * runtime matches against. The Rule gets a camelCase copy (its validation needs a pattern), and
 * the declared JSON is then written onto the CloudFormation resource verbatim: today's CDK renders
 * the copy identically, but AWS must never depend on how a CDK version merges or renames keys.
 */
export function addEventRule(
  scope: Construct,
  trigger: EventTrigger,
  eventBus: IEventBus,
  fn: IFunction,
): Rule {
  const rule = new Rule(scope, trigger.ruleName, {
    eventBus,
    description: `${trigger.ruleName}: delivers matching events to ${fn.node.id}.`,
    eventPattern: toCdkEventPattern(trigger.pattern),
    targets: [deliveryTarget(scope, trigger.ruleName, fn)],
  });
  (rule.node.defaultChild as CfnRule).addPropertyOverride('EventPattern', trigger.pattern);
  return rule;
}

/** A schedule rule (on the default bus, where EventBridge evaluates schedules) invoking the function. */
export function addScheduleRule(scope: Construct, trigger: ScheduleTrigger, fn: IFunction): Rule {
  return new Rule(scope, trigger.ruleName, {
    description: `${trigger.ruleName}: invokes ${fn.node.id} on ${trigger.expression}.`,
    schedule: Schedule.expression(trigger.expression),
    targets: [deliveryTarget(scope, trigger.ruleName, fn)],
  });
}

/**
 * The Lambda target of a rule: retried, and parked in an encrypted, TLS-only queue when delivery
 * keeps failing, so an operator can inspect and redrive instead of losing the event.
 */
function deliveryTarget(scope: Construct, ruleName: string, fn: IFunction): LambdaFunction {
  const deadLetterQueue = new DeadLetterQueue(scope, `${ruleName}DeliveryDlq`, {
    holds: `events rule ${ruleName} could not deliver to ${fn.node.id}`,
  });
  return new LambdaFunction(fn, { retryAttempts: RULE_RETRY_ATTEMPTS, deadLetterQueue });
}

/** The same pattern in CDK's camelCase vocabulary (only `detail-type` is spelled differently). */
export function toCdkEventPattern(pattern: EventPattern): CdkEventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return (detailType === undefined ? rest : { ...rest, detailType }) as CdkEventPattern;
}
