import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS } from './metric-names.ts';
import { readSetting, SETTINGS } from './settings.ts';

let shared: Metrics | undefined;

/** The one Metrics instance of a container; undefined where no namespace is set (locally, in tests). */
function leadflowMetrics(): Metrics | undefined {
  const namespace = readSetting(SETTINGS.metricsNamespace);
  if (!namespace) return undefined;
  shared ??= new Metrics({
    namespace,
    serviceName: METRICS.serviceName,
    defaultDimensions: { [METRICS.stageDimension]: readSetting(SETTINGS.stage) ?? 'unknown' },
  });
  return shared;
}

/** Adds one to a count of the stage (flushed at once, as a single metric). */
export function countMetric(name: string, count = 1): void {
  leadflowMetrics()?.singleMetric().addMetric(name, MetricUnit.Count, count);
}

/**
 * Counts events just put on the bus, per detail-type, as CloudWatch Embedded Metric Format lines
 * (Powertools Metrics): no API call, no latency, CloudWatch extracts the numbers from the log. The
 * domain events are the funnel (activities recorded, reviews requested, prospects qualified…), so
 * counting them where they are published draws the funnel for every event, present and future.
 */
export function countPublishedEvents(detailTypes: readonly string[]): void {
  const metrics = leadflowMetrics();
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
  const single = leadflowMetrics()?.singleMetric();
  if (!single) return;
  single.addMetric(METRICS.handOffsDeadLettered, MetricUnit.Count, 1);
}

/**
 * Counts the items a piece of a bulk job failed on, by the job's kind. The stale-score drain's
 * count has an alarm: a contact that keeps failing its re-score is retried every hour, and fails
 * every hour, which a person must look at (its reason is on the job: `npm run jobs -- show <id>`).
 */
export function countFailedItems(jobKind: string, count: number): void {
  const metrics = leadflowMetrics();
  if (!metrics || count === 0) return;
  const single = metrics.singleMetric();
  single.addDimension(METRICS.jobKindDimension, jobKind);
  single.addMetric(METRICS.bulkItemsFailed, MetricUnit.Count, count);
}
