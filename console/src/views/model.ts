import { ApiError, adminApi, type JobView, type ScoringModel, type SimulationReport } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { errorBox, field } from '../components/form.ts';
import { JOB_POLL_MS, jobProgress } from '../components/job-progress.ts';
import { stageLabel } from '../components/stage.ts';
import { type Child, h, replace } from '../dom.ts';
import { format, type MessageKey, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { href } from '../route.ts';
import { pointsEditor, publishSection } from './model-publish.ts';

/** The published model, readable, and a candidate's simulation over every contact before publishing it. */
export async function renderModel(context: ViewContext): Promise<void> {
  const { main } = context;
  replace(main, h('h1', {}, t('model.title')), h('p', { class: 'loading' }, t('common.loading')));
  let current: { version: string; model: ScoringModel };
  try {
    current = await adminApi.model();
  } catch (error) {
    if (context.current()) replace(main, h('h1', {}, t('model.title')), apiErrorBox(error));
    return;
  }
  if (!context.current()) return;
  const json = JSON.stringify(current.model, null, 2);
  const download = h(
    'a',
    {
      href: URL.createObjectURL(new Blob([json], { type: 'application/json' })),
      download: `${current.version}.json`,
      class: 'button secondary',
    },
    t('model.download'),
  );
  const editor = h('textarea', { class: 'json', rows: 14, spellcheck: 'false', name: 'model' });
  editor.value = json;
  replace(
    main,
    h('h1', {}, t('model.title')),
    h('p', { class: 'lede' }, t('model.intro', { version: current.version })),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'model-policy' },
      h('h2', { id: 'model-policy' }, t('model.policy')),
      policy(current.model),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'model-rules' },
      h('h2', { id: 'model-rules' }, t('model.rules')),
      rules(current.model),
      download,
    ),
    pointsEditor(editor),
    simulation(editor),
    publishSection(editor),
  );
}

function policy(model: ScoringModel): Child {
  const { autoQualify, review, disqualify } = model.policy;
  const rows: [string, string][] = [
    [
      t('model.autoQualify'),
      t('model.autoQualifyRule', {
        score: autoQualify.minScore,
        frameworks: autoQualify.requireCompleteFramework.join(', ') || '—',
        grade: autoQualify.minGrade ?? '—',
      }),
    ],
    [t('model.review'), t('model.reviewRule', { score: review.minScore, engagement: review.minEngagement })],
    [t('model.handRaisers'), model.handRaisers.map((type) => t(`activity.${type}` as MessageKey)).join(', ')],
    [t('model.disqualify'), disqualify.onRules.join(', ') || '—'],
    [t('model.grades'), `A ≥ ${model.fit.grades.A} · B ≥ ${model.fit.grades.B} · C ≥ ${model.fit.grades.C}`],
    [t('model.halfLife'), t('model.days', { days: model.engagement.halfLifeDays })],
  ];
  return h(
    'dl',
    { class: 'facts' },
    ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

function rules(model: ScoringModel): Child {
  const fit: [string, number][] = [
    ['fit.businessEmail', model.fit.businessEmail],
    ['fit.freeMail', model.fit.freeMail],
    ['fit.disposableEmail', model.fit.disposableEmail],
    ['fit.companyKnown', model.fit.companyKnown],
    ...model.fit.jobTitle.map((rule) => [`fit.jobTitle.${rule.label}`, rule.points] as [string, number]),
    ...model.fit.role.map((rule) => [`fit.role.${rule.label}`, rule.points] as [string, number]),
    ...model.fit.companySize.map(
      (rule) => [`fit.companySize.${rule.label}`, rule.points] as [string, number],
    ),
    ...model.fit.industry.map((rule) => [`fit.industry.${rule.label}`, rule.points] as [string, number]),
    ['fit.competitor', model.fit.competitors.points],
  ];
  const engagement: [string, number][] = Object.entries(model.engagement.activities).map(([type, rule]) => [
    `engagement.${type}`,
    rule?.points ?? 0,
  ]);
  const table = (caption: string, lines: [string, number][]) =>
    h(
      'table',
      { class: 'breakdown' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('contact.rule')),
          h('th', { scope: 'col' }, t('contact.points')),
        ),
      ),
      h(
        'tbody',
        {},
        ...lines.map(([rule, points]) =>
          h('tr', {}, h('td', {}, h('code', {}, rule)), h('td', { class: 'num' }, format.signed(points))),
        ),
      ),
    );
  return h(
    'div',
    { class: 'two-columns' },
    table(t('contact.fit'), fit),
    table(t('contact.engagement'), engagement),
  );
}

function simulation(editor: HTMLTextAreaElement): HTMLElement {
  const file = h('input', { type: 'file', accept: 'application/json,.json' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) {
      editor.value = await chosen.text();
      editor.dispatchEvent(new Event('input'));
    }
  });
  const result = h('div', { class: 'simulation-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, t('model.simulate'));
  const form = h(
    'form',
    { novalidate: true },
    field(t('model.candidate'), editor, t('model.candidateHint')),
    field(t('model.loadFile'), file),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let candidate: unknown;
    try {
      candidate = JSON.parse(editor.value);
    } catch (error) {
      replace(result, errorBox(t('model.notJson'), [String((error as Error).message)]));
      result.querySelector<HTMLElement>('.error-box')?.focus();
      return;
    }
    submit.disabled = true;
    replace(result, h('p', { class: 'loading' }, t('model.simulating')));
    try {
      const finished = await untilFinished(await adminApi.simulate(candidate), (job) =>
        replace(result, h('p', { class: 'loading' }, t('model.simulating')), jobProgress(job)),
      );
      replace(
        result,
        finished.status === 'done' && finished.result
          ? report(finished.result as unknown as SimulationReport)
          : h('p', {}, t('model.simulationStopped')),
      );
      result.querySelector<HTMLElement>('h3')?.focus();
    } catch (error) {
      replace(
        result,
        error instanceof ApiError && error.type.endsWith(':invalid-model')
          ? errorBox(
              t('model.invalid'),
              error.errors.map((e) => `${e.field}: ${e.message}`),
            )
          : apiErrorBox(error),
      );
      result.querySelector<HTMLElement>('.error-box')?.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'model-simulate' },
    h('h2', { id: 'model-simulate' }, t('model.simulateTitle')),
    h('p', {}, t('model.simulateIntro')),
    form,
    result,
  );
}

/** Asks for the job every few seconds, showing its progress, until it has finished. */
async function untilFinished(started: JobView, show: (job: JobView) => void): Promise<JobView> {
  let job = started;
  while (!job.finishedAt) {
    show(job);
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
    job = await adminApi.job(job.jobId);
  }
  return job;
}

function report(r: SimulationReport): HTMLElement {
  const transitions = Object.entries(r.transitions);
  return h(
    'div',
    {},
    h(
      'h3',
      { tabindex: '-1' },
      t('model.resultTitle', { candidate: r.candidateVersion, current: r.currentVersion }),
    ),
    h(
      'ul',
      { class: 'kpis' },
      h(
        'li',
        { class: 'kpi' },
        h('span', { class: 'kpi-label' }, t('model.replayed')),
        h('span', { class: 'kpi-value' }, format.number(r.contacts)),
      ),
      h(
        'li',
        { class: 'kpi', id: 'kpi-changed' },
        h('span', { class: 'kpi-label' }, t('model.changed')),
        h('span', { class: 'kpi-value' }, format.number(r.changed)),
      ),
      h(
        'li',
        { class: 'kpi' },
        h('span', { class: 'kpi-label' }, t('model.gradeChanges')),
        h('span', { class: 'kpi-value' }, format.number(r.gradeChanges)),
      ),
      h(
        'li',
        { class: 'kpi' },
        h('span', { class: 'kpi-label' }, t('model.meanChange')),
        h('span', { class: 'kpi-value' }, format.signed(r.meanScoreChange)),
      ),
    ),
    transitions.length === 0
      ? h('p', {}, t('model.noChange'))
      : h(
          'table',
          {},
          h('caption', {}, t('model.transitions')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('model.move')),
              h('th', { scope: 'col' }, t('model.contacts')),
            ),
          ),
          h(
            'tbody',
            {},
            ...transitions.map(([move, count]) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  move
                    .split(' → ')
                    .map((s) => stageLabel(s as never))
                    .join(' → '),
                ),
                h('td', { class: 'num' }, format.number(count)),
              ),
            ),
          ),
        ),
    r.examples.length === 0
      ? null
      : h(
          'table',
          {},
          h('caption', {}, t('model.examples')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[t('contacts.col.contact'), t('model.move'), t('model.scores'), t('contact.reason')].map(
                (label) => h('th', { scope: 'col' }, label),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...r.examples.map((example) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: href(`contacts/${example.contactId}`) }, example.email)),
                h('td', {}, `${stageLabel(example.from)} → ${stageLabel(example.to)}`),
                h('td', { class: 'num' }, `${example.currentScore} → ${example.candidateScore}`),
                h('td', {}, example.reason),
              ),
            ),
          ),
        ),
    h('p', { class: 'hint' }, t('model.allNote', { at: format.dateTime(r.at) })),
  );
}
