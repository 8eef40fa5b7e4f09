import type { JobView } from '#shared/bulk/job-view.ts';

/** One line per job: what an operator scans for. */
export function formatJobLine(job: JobView): string {
  const state = job.finishedAt ? job.status : job.status === 'cancelled' ? 'stopping' : 'running';
  const percent =
    job.progress.fraction === undefined ? '   ?' : `${Math.round(job.progress.fraction * 100)}%`.padStart(4);
  return `${job.jobId}  ${job.kind.padEnd(22)} ${state.padEnd(9)} ${percent}  ${job.done} done, ${job.failed} failed\n`;
}

/** A job in full: its progress, its result's counts and the failures kept with their reasons. */
export function formatJob(job: JobView): string {
  const { progress } = job;
  const lines = [
    `${job.jobId}  ${job.kind}`,
    `status      ${job.finishedAt ? job.status : job.status === 'cancelled' ? 'stopping (cancelled)' : 'running'}`,
    `started     ${job.createdAt} by ${job.createdBy}${job.finishedAt ? `, finished ${job.finishedAt}` : ''}`,
    `segments    ${job.segmentsDone} of ${job.segments} finished`,
    `progress    ${job.done} done, ${job.failed} failed${job.estimate === undefined ? '' : ` of about ${job.estimate}`}` +
      `${progress.fraction === undefined ? '' : ` (${Math.round(progress.fraction * 100)}%)`}, ${progress.ratePerSecond}/s` +
      `${progress.etaSeconds === undefined ? '' : `, about ${progress.etaSeconds} s left`}`,
  ];
  const counts = Object.entries(job.result ?? {}).filter(([, value]) => typeof value === 'number');
  if (counts.length > 0)
    lines.push(`result      ${counts.map(([name, value]) => `${name} ${value}`).join(', ')}`);
  if (job.failures && job.failures.length > 0) {
    lines.push(`failures    (the first ${job.failures.length})`);
    for (const failure of job.failures) lines.push(`  ${failure.item}  ${failure.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
