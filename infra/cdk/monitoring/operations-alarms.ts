import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS } from '#shared/runtime/metric-names.ts';
import { RESCORE_DUE_KIND } from '#shared/scoring/refresh-stale-scores.ts';
import { DeadLetterQueue } from '../dead-letter-queue.ts';
import { notify } from './notify.ts';

/** Every alarm looks at five-minute windows: quick enough to page, long enough to not flap. */
export const ALARM_PERIOD = Duration.minutes(5);

export interface OperationsAlarmsProps {
  readonly stageName: string;
  readonly topic: ITopic;
  /** Functions by declared name; each gets an errors and a throttles alarm. */
  readonly functions?: Readonly<Record<string, IFunction>>;
  readonly httpApi?: HttpApi;
}

/**
 * The alarms that say something needs a person, all sent to the alarm topic:
 * - any message in any dead-letter queue of the stack (found in the construct tree, so a queue
 *   added tomorrow is covered without anyone remembering to add its alarm);
 * - any function error (a failed invocation is retried, then dead-lettered: it always matters);
 * - any throttle (work is delayed, and a lasting one exhausts the retries);
 * - any hand-off dead-lettered (its event could not be put after every attempt);
 * - HTTP 5xx answers (a form tool's submission was not accepted and is now the tool's to retry);
 * - contacts failing their scheduled re-score run after run (see staleScoreFailuresAlarm).
 */
export class OperationsAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const name = (suffix: string) => `leadflow-${props.stageName}-${suffix}`;
    const add = (alarmId: string, metric: IMetric, description: string) => {
      const alarm = new Alarm(this, alarmId, {
        alarmName: name(alarmId),
        alarmDescription: description,
        metric,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      this.alarms.push(notify(alarm, props.topic));
    };

    for (const queue of DeadLetterQueue.within(Stack.of(this))) {
      add(
        `${queue.node.id}-messages`,
        queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
        `Dead letters waiting: ${queue.holds}. Inspect, fix the cause, then redrive (docs/operations.md).`,
      );
    }
    for (const [functionName, fn] of Object.entries(props.functions ?? {})) {
      add(
        `${functionName}-errors`,
        fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
        `${functionName} failed; its logs say why. Event-driven invocations are retried, then dead-lettered.`,
      );
      add(
        `${functionName}-throttles`,
        fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }),
        `${functionName} was throttled: the account's concurrency is exhausted or a limit is set too low.`,
      );
    }
    add(
      'handoff-dead-lettered',
      new Metric({
        namespace: METRICS.namespace,
        metricName: METRICS.handOffsDeadLettered,
        dimensionsMap: { service: METRICS.serviceName, [METRICS.stageDimension]: props.stageName },
        period: ALARM_PERIOD,
        statistic: 'Sum',
      }),
      'A qualification or review request could not be announced after every attempt: sales and the CRM have not heard of it. The contact page says why (docs/operations.md).',
    );
    if (props.functions)
      this.alarms.push(notify(staleScoreFailuresAlarm(this, props.stageName), props.topic));
    if (props.httpApi) {
      add(
        'http-5xx',
        props.httpApi.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
        'The HTTP API answered 5xx: a form tool will retry, but something in the intake path is failing.',
      );
    }
  }
}

/**
 * The stale-score drain's failures, repeated: contacts failed their re-score in two hourly runs in a
 * row. A contact that fails stays due and is retried each hour without holding up the others, so
 * one failed run can be a passing throttle; two in a row is a contact (or a model) someone must look
 * at. The failed contacts and their reasons are on the drain's job (`npm run jobs -- show <id>`).
 */
export function staleScoreFailuresAlarm(scope: Construct, stageName: string): Alarm {
  const id = 'stale-score-failures';
  return new Alarm(scope, id, {
    alarmName: `leadflow-${stageName}-${id}`,
    alarmDescription:
      'Contacts failed their scheduled re-score in two hourly runs in a row; see the failures of the latest rescore-due job (npm run jobs).',
    metric: new Metric({
      namespace: METRICS.namespace,
      metricName: METRICS.bulkItemsFailed,
      dimensionsMap: {
        service: METRICS.serviceName,
        [METRICS.stageDimension]: stageName,
        [METRICS.jobKindDimension]: RESCORE_DUE_KIND,
      },
      statistic: 'Sum',
      period: Duration.hours(1),
    }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
