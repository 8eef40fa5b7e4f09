import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS } from './metric-names.ts';
import { readSetting, SETTINGS } from './settings.ts';

let shared: Metrics | undefined;

/** Undefined outside a deployment (no namespace set): the local runtime and the tests stay quiet. */
function stageMetrics(): Metrics | undefined {
  const namespace = readSetting(SETTINGS.metricsNamespace);
  if (!namespace) return undefined;
  shared ??= new Metrics({
    namespace,
    serviceName: METRICS.serviceName,
    defaultDimensions: { [METRICS.stageDimension]: readSetting(SETTINGS.stage) ?? 'unknown' },
  });
  return shared;
}

/**
 * Counts events just put on the bus, per detail-type, as CloudWatch Embedded Metric Format lines
 * (Powertools Metrics): no API call, no latency, CloudWatch extracts the numbers from the log. The
 * domain events are the funnel (activities recorded, reviews requested, prospects qualified…), so
 * counting them where they are published draws the funnel for every event, present and future.
 */
export function countPublishedEvents(detailTypes: readonly string[]): void {
  const metrics = stageMetrics();
  if (!metrics || detailTypes.length === 0) return;
  const counts = new Map<string, number>();
  for (const detailType of detailTypes) counts.set(detailType, (counts.get(detailType) ?? 0) + 1);
  for (const [detailType, count] of counts) {
    // A single metric is flushed at once, so no handler needs a flush middleware.
    const single = metrics.singleMetric();
    single.addDimension(METRICS.detailTypeDimension, detailType);
    single.addMetric(METRICS.eventsPublished, MetricUnit.Count, count);
  }
}

/**
 * Counts a hand-off dead-lettered after its last failed put; the operations alarm watches it. No
 * dimension beyond service and stage, so one alarm covers both kinds (the log line names the kind).
 */
export function countDeadLetteredHandOff(): void {
  const single = stageMetrics()?.singleMetric();
  if (!single) return;
  single.addMetric(METRICS.handOffsDeadLettered, MetricUnit.Count, 1);
}
