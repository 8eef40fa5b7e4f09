import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { METRICS } from '#shared/runtime/metric-names.ts';
import type { DeadLetterQueue } from '../dead-letter-queue.ts';
import { CONFIGURATION_SET_TAG } from '../mail-events.ts';
import { sesReputationMetric } from './ses-reputation-alarms.ts';

const HOUR = Duration.hours(1);
const WIDTH = 24;

/** The SES sending events counted per configuration set by the CloudWatch event destination. */
const MAIL_METRICS = ['Send', 'Delivery', 'Bounce', 'Complaint', 'Open', 'Click'] as const;

export interface FunnelDashboardProps {
  readonly stageName: string;
  readonly configurationSetName: string;
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly deadLetterQueues: readonly DeadLetterQueue[];
  readonly httpApi?: HttpApi;
  readonly alarms: readonly IAlarm[];
}

/**
 * One dashboard per stage: the funnel on top (what marketing and sales ask about), health below
 * (what DevOps acts on). Funnel numbers are the domain events counted where they are published
 * (Powertools EMF, see countPublishedEvents) and SES's own per-configuration-set email counts.
 */
export class FunnelDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: FunnelDashboardProps) {
    super(scope, id);
    const eventMetric = (detailType: string, label: string) =>
      new Metric({
        namespace: METRICS.namespace,
        metricName: METRICS.eventsPublished,
        dimensionsMap: {
          service: METRICS.serviceName,
          [METRICS.stageDimension]: props.stageName,
          [METRICS.detailTypeDimension]: detailType,
        },
        statistic: 'Sum',
        period: HOUR,
        label,
      });
    const mailMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [CONFIGURATION_SET_TAG]: props.configurationSetName },
        statistic: 'Sum',
        period: HOUR,
        label: metricName,
      });
    const functions = Object.entries(props.functions);
    const perFunction = (pick: (fn: IFunction) => IMetric) => functions.map(([, fn]) => pick(fn));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `leadflow-${props.stageName}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: `# leadflow ${props.stageName}: funnel`, width: WIDTH, height: 1 }),
      new SingleValueWidget({
        title: 'Funnel (sum over the period)',
        width: WIDTH,
        setPeriodToTimeRange: true,
        metrics: [
          eventMetric(contactActivityRecorded.detailType, 'Activities recorded'),
          eventMetric(contactScored.detailType, 'Contacts scored'),
          eventMetric(prospectQualified.detailType, 'Prospects qualified'),
          mailMetric('Send'),
          mailMetric('Delivery'),
        ],
      }),
      new GraphWidget({
        title: 'Every event published, by detail-type (reviews requested and future events included)',
        width: 12,
        left: [
          new MathExpression({
            expression: `SEARCH('{${METRICS.namespace},${METRICS.detailTypeDimension},service,${METRICS.stageDimension}} MetricName="${METRICS.eventsPublished}" ${METRICS.stageDimension}="${props.stageName}"', 'Sum', 3600)`,
            label: '',
            period: HOUR,
          }),
        ],
      }),
      new GraphWidget({
        title: 'Emails (this configuration set)',
        width: 12,
        left: MAIL_METRICS.map(mailMetric),
      }),
      new TextWidget({ markdown: `# leadflow ${props.stageName}: health`, width: WIDTH, height: 1 }),
      new AlarmStatusWidget({ title: 'Alarms', width: WIDTH, alarms: [...props.alarms] }),
      new GraphWidget({
        title: 'Function errors',
        width: 8,
        left: perFunction((fn) => fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })),
      }),
      new GraphWidget({
        title: 'Function throttles',
        width: 8,
        left: perFunction((fn) => fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' })),
      }),
      new GraphWidget({
        title: 'Function duration p99 (ms)',
        width: 8,
        left: perFunction((fn) => fn.metricDuration({ period: Duration.minutes(5), statistic: 'p99' })),
      }),
      new GraphWidget({
        title: 'Dead letters waiting',
        width: 8,
        left: props.deadLetterQueues.map((queue) =>
          queue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: 'Maximum',
          }),
        ),
      }),
      new GraphWidget({
        title: 'SES reputation (account): bounce and complaint rates',
        width: 8,
        left: [sesReputationMetric('Reputation.BounceRate')],
        right: [sesReputationMetric('Reputation.ComplaintRate')],
      }),
      ...(props.httpApi
        ? [
            new GraphWidget({
              title: 'HTTP API: requests, 4xx, 5xx',
              width: 8,
              left: [
                props.httpApi.metricCount({ period: Duration.minutes(5), statistic: 'Sum' }),
                props.httpApi.metricClientError({ period: Duration.minutes(5), statistic: 'Sum' }),
                props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
              ],
            }),
          ]
        : []),
    );
  }
}
