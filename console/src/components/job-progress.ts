import type { JobView } from '../api.ts';
import { h } from '../dom.ts';
import { format, t } from '../i18n.ts';

/** How often a page showing running jobs asks again. */
export const JOB_POLL_MS = 2_000;

/**
 * A job's progress: a native progress bar (read out by screen readers with its label), with what
 * was done, the rate and the time left in words beside it. Indeterminate while the total is unknown.
 */
export function jobProgress(job: JobView): HTMLElement {
  const { progress } = job;
  const label = t('jobs.progressOf', { kind: t(`jobs.kind.${job.kind}` as never) });
  const bar = h('progress', { 'aria-label': label, max: 1 });
  if (progress.fraction !== undefined) bar.value = progress.fraction;
  const parts = [
    t('jobs.done', { done: format.number(progress.processed), failed: format.number(job.failed) }),
    progress.fraction === undefined ? null : format.percent(progress.fraction),
    t('jobs.rate', { rate: format.number(progress.ratePerSecond) }),
    progress.etaSeconds === undefined ? null : t('jobs.eta', { time: duration(progress.etaSeconds) }),
  ].filter((part): part is string => part !== null);
  return h(
    'div',
    { class: 'job-progress' },
    bar,
    h('span', { class: 'job-progress-text' }, parts.join(' · ')),
  );
}

function duration(seconds: number): string {
  if (seconds < 90) return t('jobs.seconds', { count: Math.ceil(seconds) });
  if (seconds < 5400) return t('jobs.minutes', { count: Math.ceil(seconds / 60) });
  return t('jobs.hours', { count: Math.round((seconds / 3600) * 10) / 10 });
}
