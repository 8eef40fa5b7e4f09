import type { bulkJobFinished } from '#events/bulk-job-finished.ts';
import type { DetailOf } from '#events/contract.ts';
import type { RenderedEmail } from '#shared/nurture/render-email.ts';
import type { InvocationWindow } from '#shared/runtime/invocation-window.ts';
import { emailEachOnce, type NotifySalesDeps, type NotifySalesOutcome } from './notify-sales.ts';

/**
 * The one email about a re-score of every contact, to everyone who hears of qualified prospects:
 * how many contacts were re-scored, and how many became prospects or went to review. Their
 * individual hand-offs (marked with the job id) send no email each; the links lead to the lists.
 * The claims live under the job id, so a redelivered summary is sent once.
 */
export function notifyBulkRescore(
  detail: DetailOf<typeof bulkJobFinished>,
  deps: NotifySalesDeps,
  window: InvocationWindow,
): Promise<NotifySalesOutcome> {
  return emailEachOnce(
    {
      recipients: deps.recipients.prospectQualified,
      owner: detail.jobId,
      key: `bulk-job#${detail.jobId}`,
      email: renderBulkRescore(detail, deps.baseUrl),
      tag: 'bulk-rescore',
    },
    deps,
    window,
  );
}

/** Only numbers, the job id (a fixed pattern) and the configured base URL go into it: nothing to escape. */
export function renderBulkRescore(detail: DetailOf<typeof bulkJobFinished>, baseUrl: string): RenderedEmail {
  const count = (name: string) => detail.counts[name] ?? 0;
  const ended = detail.status === 'cancelled' ? 'was cancelled' : 'finished';
  const lines = [
    `The re-score of every contact (${detail.jobId}) ${ended} at ${detail.finishedAt}.`,
    `Contacts re-scored: ${count('rescored')}; failed: ${detail.failed}.`,
    `New prospects handed to sales: ${count('qualified')}.`,
    `Leads sent to review: ${count('reviewsRequested')}.`,
    `The review queue: ${baseUrl}/admin/reviews`,
    `The job: ${baseUrl}/admin/jobs/${detail.jobId}`,
  ];
  return {
    subject: `Re-score of every contact ${ended}: ${count('qualified')} new prospects, ${count('reviewsRequested')} reviews`,
    text: `${lines.join('\n')}\n`,
    html: `<!doctype html><html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933">${lines
      .map((line) => `<p>${line}</p>`)
      .join('')}</body></html>`,
  };
}
