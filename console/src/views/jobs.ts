import { announce } from '../announce.ts';
import { adminApi, type JobView, type StartableJobKind } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { JOB_POLL_MS, jobProgress } from '../components/job-progress.ts';
import { h, replace } from '../dom.ts';
import { format, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';

const STARTABLE: readonly StartableJobKind[] = ['rescore-all', 'backfill-funnel', 'backfill-list-indexes'];

/**
 * The bulk jobs: the newest first, each with its progress bar while it runs, and what starts one
 * (re-score every contact, the backfills). The page asks again every few seconds while a job runs.
 */
export async function renderJobs(context: ViewContext): Promise<void> {
  const { main } = context;
  const list = h('ol', { class: 'job-list' });
  const status = h('p', { class: 'result-status', role: 'status', tabindex: '-1' }, t('common.loading'));
  const start = h(
    'section',
    { class: 'card', 'aria-labelledby': 'jobs-start' },
    h('h2', { id: 'jobs-start' }, t('jobs.startTitle')),
    h(
      'ul',
      { class: 'job-starts' },
      ...STARTABLE.map((kind) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'secondary', 'data-kind': kind, onclick: () => void startKind(kind) },
            t(`jobs.start.${kind}`),
          ),
          ' ',
          h('span', { class: 'hint' }, t(`jobs.about.${kind}`)),
        ),
      ),
    ),
  );
  replace(
    main,
    h('h1', {}, t('jobs.title')),
    h('p', { class: 'lede' }, t('jobs.intro')),
    start,
    status,
    list,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async () => {
    clearTimeout(timer);
    try {
      const { jobs } = await adminApi.jobs();
      if (!context.current()) return;
      replace(list, ...jobs.map((job) => card(job, load)));
      status.textContent = jobs.length === 0 ? t('jobs.empty') : t('jobs.count', { count: jobs.length });
      if (jobs.some((job) => !job.finishedAt)) timer = setTimeout(() => void load(), JOB_POLL_MS);
    } catch (error) {
      if (context.current()) replace(status, apiErrorBox(error));
    }
  };
  const startKind = async (kind: StartableJobKind) => {
    try {
      const job = await adminApi.startJob(kind);
      announce(t('jobs.started', { kind: t(`jobs.kind.${job.kind}` as never) }));
      await load();
    } catch (error) {
      replace(status, apiErrorBox(error));
    }
  };
  await load();
}

function card(job: JobView, reload: () => Promise<void>): HTMLElement {
  const headingId = `job-${job.jobId}`;
  const stateText = job.finishedAt
    ? t(`jobs.status.${job.status}`)
    : job.status === 'cancelled'
      ? t('jobs.stopping')
      : t('jobs.status.running');
  return h(
    'li',
    { class: 'job card', 'aria-labelledby': headingId, 'data-job': job.jobId, 'data-status': job.status },
    h(
      'div',
      { class: 'review-head' },
      h('h2', { id: headingId }, t(`jobs.kind.${job.kind}` as never)),
      h('span', { class: `job-status job-${job.status}` }, stateText),
    ),
    jobProgress(job),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('jobs.startedAt')),
      h(
        'dd',
        {},
        h(
          'time',
          { datetime: job.createdAt, title: format.dateTime(job.createdAt) },
          format.relative(job.createdAt),
        ),
        ' · ',
        job.createdBy,
      ),
      h('dt', {}, t('jobs.segments')),
      h('dd', {}, `${format.number(job.segmentsDone)} / ${format.number(job.segments)}`),
      job.result ? h('dt', {}, t('jobs.result')) : null,
      job.result ? h('dd', {}, resultText(job)) : null,
    ),
    job.status === 'running'
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              onclick: async () => {
                await adminApi.cancelJob(job.jobId).catch(() => undefined);
                announce(t('jobs.cancelled'));
                await reload();
              },
            },
            t('jobs.cancel'),
          ),
        )
      : null,
  );
}

/** The counts of a finished job; a simulation's report is read on the model page. */
function resultText(job: JobView): string {
  const entries = Object.entries(job.result ?? {}).filter(([, value]) => typeof value === 'number');
  return entries.map(([name, value]) => `${name}: ${format.number(value as number)}`).join(' · ') || '—';
}
