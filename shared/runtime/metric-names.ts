import { SETTINGS } from './settings.ts';

/**
 * The names under which leadflow's own metrics reach CloudWatch, shared by the code that emits them
 * and the dashboard that draws them, so a rename cannot leave a graph empty.
 */
export const METRICS = {
  namespace: 'leadflow',
  serviceName: 'leadflow',
  /** One count per event put on the bus, with the event's detail-type as a dimension. */
  eventsPublished: 'EventsPublished',
  detailTypeDimension: 'detailType',
  /** One count each time the reputation breaker holds a nurture email (the operators' alarm). */
  nurturePaused: 'NurturePaused',
  /** One count each time the quota or the warm-up cap holds a nurture email. */
  nurtureHeldForQuota: 'NurtureHeldForQuota',
  /** One count per hand-off whose event could not be put after every attempt (alarmed). */
  handOffsDeadLettered: 'HandOffsDeadLettered',
  /** Items a bulk job failed on (each with its reason on the job), by the job's kind. */
  bulkItemsFailed: 'BulkItemsFailed',
  jobKindDimension: 'jobKind',
  stageDimension: 'stage',
} as const;

/**
 * Set by the deployment on every function. Without the namespace no metric is emitted, so the local
 * runtime and the tests stay quiet without knowing they are local.
 */
export const METRICS_ENV = {
  namespace: SETTINGS.metricsNamespace.name,
  stage: SETTINGS.stage.name,
} as const;
