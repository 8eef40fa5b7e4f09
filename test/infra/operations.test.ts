import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { patternFor } from '#events/contract.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { CRM_MAX_EVENT_AGE, CRM_RETRY_ATTEMPTS } from '#infra/cdk/crm-delivery.ts';
import { METRICS } from '#shared/runtime/metric-names.ts';
import { customFunctions } from './fixtures/custom-functions.ts';
import { EVERYTHING_ON, logicalIdOf, resourcesOf, synthLeadflow } from './synth-leadflow.ts';

const {
  stateless,
  stateful,
  statelessTemplate: template,
  config,
} = synthLeadflow({
  stage: 'prod',
  configPatch: EVERYTHING_ON,
  functions: customFunctions,
});
const crm = config.crm;
const auth = crm?.auth;
if (!crm || auth?.type !== 'apiKey') throw new Error('EVERYTHING_ON configures an API-key CRM.');

describe('CRM hand-off through an EventBridge API destination', () => {
  it('authenticates with the API key from the operator-created secret, resolved by CloudFormation', () => {
    template.resourceCountIs('AWS::Events::Connection', 1);
    template.hasResourceProperties('AWS::Events::Connection', {
      AuthorizationType: 'API_KEY',
      AuthParameters: {
        ApiKeyAuthParameters: {
          ApiKeyName: auth.headerName,
          ApiKeyValue: `{{resolve:secretsmanager:${auth.secretName}:SecretString:::}}`,
        },
      },
    });
  });

  it('calls the configured endpoint with the configured method and rate', () => {
    template.hasResourceProperties('AWS::Events::ApiDestination', {
      InvocationEndpoint: crm.endpoint,
      HttpMethod: crm.httpMethod,
      InvocationRateLimitPerSecond: crm.rateLimitPerSecond,
    });
  });

  it('sends every "Prospect Qualified" on the bus, retried for 24 hours, then dead-lettered', () => {
    const deliveries = resourcesOf(template, 'AWS::Events::Rule').filter(([, rule]) =>
      rule.Properties.Targets.some((t: { Arn: unknown }) => JSON.stringify(t.Arn).includes('CrmDestination')),
    );
    expect(deliveries).toHaveLength(1);
    const [, rule] = deliveries[0] ?? [];
    expect(rule?.Properties.EventPattern).toEqual(patternFor(prospectQualified));
    expect(JSON.stringify(rule?.Properties.EventBusName)).toMatch(/EventBus/);
    expect(rule?.Properties.Targets[0]).toMatchObject({
      RetryPolicy: {
        MaximumRetryAttempts: CRM_RETRY_ATTEMPTS,
        MaximumEventAgeInSeconds: CRM_MAX_EVENT_AGE.toSeconds(),
      },
      DeadLetterConfig: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(stateless.crm?.deadLetterQueue ?? stateless), 'Arn'] },
      },
    });
  });

  it('alarms when the CRM dead-letter queue holds anything', () => {
    const queue = stateless.crm?.deadLetterQueue;
    if (!queue) throw new Error('The CRM delivery was not built.');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
    });
  });
});

describe('alarms', () => {
  const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);

  it('names every alarm after the stage, once', () => {
    const names = alarms.map((alarm) => alarm.AlarmName as string);
    expect(names.every((name) => name.startsWith('leadflow-prod-'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('notifies the alarm topic when each alarm fires and when it recovers', () => {
    const topic = JSON.stringify(alarms[0]?.AlarmActions);
    expect(topic).toMatch(/AlarmTopic/);
    for (const alarm of alarms) {
      expect(JSON.stringify(alarm.AlarmActions), alarm.AlarmName).toBe(topic);
      expect(JSON.stringify(alarm.OKActions), alarm.AlarmName).toBe(topic);
      expect(alarm.TreatMissingData, alarm.AlarmName).toBe('notBreaching');
    }
  });

  it('alarms on 5xx answers of the HTTP API', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: logicalIdOf(stateless.http?.api ?? stateless) } }],
      Threshold: 1,
    });
  });

  it('alarms on the first hand-off dead-lettered after its announcement failed every attempt', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'leadflow-prod-handoff-dead-lettered',
      Namespace: METRICS.namespace,
      MetricName: METRICS.handOffsDeadLettered,
      Dimensions: [
        { Name: 'service', Value: METRICS.serviceName },
        { Name: METRICS.stageDimension, Value: 'prod' },
      ],
      Statistic: 'Sum',
      Threshold: 1,
    });
  });

  it('alarms when contacts fail their scheduled re-score two hourly runs in a row', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'leadflow-prod-stale-score-failures',
      Namespace: METRICS.namespace,
      MetricName: METRICS.bulkItemsFailed,
      Dimensions: Match.arrayWith([{ Name: METRICS.jobKindDimension, Value: 'rescore-due' }]),
      Period: 3600,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1,
    });
  });
});

/** A token inside the dashboard body, written as `ref(Id)` or `getatt(Id.Attr)` so the body parses as JSON. */
function tokenText(part: unknown): string {
  const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (token.Ref) return `ref(${token.Ref})`;
  if (token['Fn::GetAtt']) return `getatt(${token['Fn::GetAtt'].join('.')})`;
  return 'imported';
}

interface Widget {
  readonly type: string;
  readonly properties: { title?: string; metrics?: unknown[][]; alarms?: string[] };
}

describe('dashboard', () => {
  const [, dashboard] = resourcesOf(template, 'AWS::CloudWatch::Dashboard')[0] ?? [];
  const parts: unknown[] = dashboard?.Properties.DashboardBody['Fn::Join'][1] ?? [];
  const body: { widgets: Widget[] } = JSON.parse(
    parts.map((part) => (typeof part === 'string' ? part : tokenText(part))).join(''),
  );
  const metricsOf = (title: string) =>
    body.widgets.find((w) => w.properties.title?.startsWith(title))?.properties.metrics ?? [];

  it('is named after the stage', () => {
    expect(dashboard?.Properties.DashboardName).toBe('leadflow-prod');
  });

  it('draws the funnel from the published-event metrics and SES counts of this configuration set', () => {
    const funnel = metricsOf('Funnel');
    for (const detailType of [contactActivityRecorded.detailType, prospectQualified.detailType]) {
      expect(funnel).toContainEqual(
        expect.arrayContaining([METRICS.namespace, METRICS.eventsPublished, detailType, 'prod']),
      );
    }
    const everyEvent = JSON.stringify(metricsOf('Every event published'));
    expect(everyEvent).toContain(`SEARCH('{${METRICS.namespace},${METRICS.detailTypeDimension}`);
    expect(everyEvent).toContain('stage=\\"prod\\"');
    const emails = metricsOf('Emails');
    for (const metric of ['Send', 'Delivery', 'Bounce', 'Complaint', 'Open', 'Click']) {
      expect(emails).toContainEqual(expect.arrayContaining(['AWS/SES', metric, 'ses:configuration-set']));
    }
  });

  it('shows the health of every function, dead-letter queue and alarm', () => {
    for (const title of ['Function errors', 'Function throttles', 'Function duration']) {
      const shown = JSON.stringify(metricsOf(title));
      for (const fn of Object.values(stateless.functions))
        expect(shown, title).toContain(`ref(${logicalIdOf(fn)})`);
    }
    const deadLetters = JSON.stringify(metricsOf('Dead letters'));
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) expect(deadLetters).toContain(`getatt(${queue}.QueueName)`);
    const alarms = body.widgets.find((w) => w.type === 'alarm')?.properties.alarms ?? [];
    for (const alarm of stateless.alarms.alarms)
      expect(alarms).toContain(`getatt(${logicalIdOf(alarm)}.Arn)`);
    // The stateful stack's alarms (SES reputation, its dead-letter queue) are shown too, by reference.
    expect(alarms).toHaveLength(stateless.alarms.alarms.length + stateful.alarms.length);
  });
});

describe('invocation permissions', () => {
  it('lets only API Gateway (this API) and EventBridge (these rules) invoke the functions', () => {
    const permissions = resourcesOf(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties);
    expect(permissions.length).toBeGreaterThan(0);
    for (const permission of permissions) {
      expect(['apigateway.amazonaws.com', 'events.amazonaws.com']).toContain(permission.Principal);
      expect(permission.Action).toBe('lambda:InvokeFunction');
      expect(permission.SourceArn).toBeDefined();
    }
  });
});
