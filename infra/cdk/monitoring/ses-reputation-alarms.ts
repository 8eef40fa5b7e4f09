import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS } from '#shared/runtime/metric-names.ts';
import { notify } from './notify.ts';
import { ALARM_PERIOD } from './operations-alarms.ts';

/** SES's account-wide reputation metrics: the ones its account review looks at. */
export const sesReputationMetric = (name: 'Reputation.BounceRate' | 'Reputation.ComplaintRate') =>
  new Metric({ namespace: 'AWS/SES', metricName: name, statistic: 'Maximum', period: Duration.hours(1) });

/**
 * Alarms before SES puts the account under review (bounces 5 %, complaints 0.1 %) or pauses its
 * sending (10 %, 0.5 %). The rates are account-wide, as SES judges them; the thresholds come from
 * the stage configuration, which refuses values at or above the review thresholds.
 */
export class SesReputationAlarms extends Construct {
  readonly bounceRate: Alarm;
  readonly complaintRate: Alarm;
  /** leadflow's own breaker holds nurture email: a person has to look and resume it. */
  readonly nurturePaused: Alarm;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly topic: ITopic;
      readonly stageName: string;
      readonly bounceRate: number;
      readonly complaintRate: number;
    },
  ) {
    super(scope, id);
    this.nurturePaused = notify(
      new Alarm(this, 'NurturePaused', {
        alarmName: `leadflow-${props.stageName}-nurture-paused`,
        alarmDescription:
          'The reputation breaker paused nurture email (bounce or complaint rate too high): see the figures ' +
          'in the console or GET /admin/sending, fix the cause, then resume from the console (docs/deliverability.md).',
        metric: new Metric({
          namespace: METRICS.namespace,
          metricName: METRICS.nurturePaused,
          dimensionsMap: { service: METRICS.serviceName, [METRICS.stageDimension]: props.stageName },
          statistic: 'Sum',
          period: ALARM_PERIOD,
        }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      props.topic,
    );
    this.bounceRate = notify(
      new Alarm(this, 'BounceRate', {
        alarmDescription: `SES bounce rate at or above ${percent(props.bounceRate)} (review at 5 %): check lists and sign-up forms.`,
        metric: sesReputationMetric('Reputation.BounceRate'),
        threshold: props.bounceRate,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      props.topic,
    );
    this.complaintRate = notify(
      new Alarm(this, 'ComplaintRate', {
        alarmDescription: `SES complaint rate at or above ${percent(props.complaintRate)} (review at 0.1 %): check consent and frequency.`,
        metric: sesReputationMetric('Reputation.ComplaintRate'),
        threshold: props.complaintRate,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      props.topic,
    );
  }
}

function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))} %`;
}
