import {
  ApiError,
  adminApi,
  type ConfigChange,
  type ConfigError,
  type ConfigVersion,
  type PublishOutcome,
} from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { errorBox, field } from '../components/form.ts';
import { h, replace } from '../dom.ts';
import { format, t } from '../i18n.ts';
import { currentSession } from '../session.ts';

const KIND = 'scoring-model';

/** The numbers marketing tunes most, as paths into the model: each gets a field bound to the JSON. */
const TUNABLE: readonly (readonly string[])[] = [
  ['fit', 'businessEmail'],
  ['fit', 'freeMail'],
  ['fit', 'disposableEmail'],
  ['fit', 'companyKnown'],
  ['fit', 'grades', 'A'],
  ['fit', 'grades', 'B'],
  ['fit', 'grades', 'C'],
  ['engagement', 'halfLifeDays'],
  ['policy', 'autoQualify', 'minScore'],
  ['policy', 'review', 'minScore'],
  ['policy', 'review', 'minEngagement'],
];

/**
 * A form of the model's points and thresholds over the candidate's JSON: a number typed here is
 * written into the JSON at once (so the JSON view stays the whole truth), and a JSON edit refreshes
 * the fields that still parse.
 */
export function pointsEditor(editor: HTMLTextAreaElement): HTMLElement {
  const inputs = TUNABLE.map((path) => {
    const input = h('input', { type: 'number', step: 'any', name: path.join('.') });
    input.addEventListener('input', () => {
      const model = parsed(editor.value);
      const value = Number(input.value);
      if (!model || input.value === '' || !Number.isFinite(value)) return;
      setAt(model, path, value);
      editor.value = JSON.stringify(model, null, 2);
    });
    return { path, input };
  });
  const refresh = () => {
    const model = parsed(editor.value);
    if (!model) return;
    for (const { path, input } of inputs) {
      const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], model);
      if (typeof value === 'number' && document.activeElement !== input) input.value = String(value);
    }
  };
  editor.addEventListener('input', refresh);
  refresh();
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'model-edit' },
    h('h2', { id: 'model-edit' }, t('model.editTitle')),
    h('p', {}, t('model.editIntro')),
    h('div', { class: 'two-columns' }, ...inputs.map(({ path, input }) => field(path.join('.'), input))),
  );
}

/** Check (errors with their path, or the diff), publish with a reason, and the history with rollbacks. */
export function publishSection(editor: HTMLTextAreaElement): HTMLElement {
  const result = h('div', { class: 'publish-result', 'aria-live': 'polite' });
  const reason = h('input', { type: 'text', name: 'reason', maxlength: '2000' });
  const token = h('input', { type: 'password', name: 'publish-token', autocomplete: 'off' });
  const check = h('button', { type: 'button', class: 'secondary' }, t('model.check'));
  const publish = h('button', { type: 'submit' }, t('model.publish'));
  const history = h('div', { class: 'config-history' });
  const show = (element: HTMLElement) => {
    replace(result, element);
    result.querySelector<HTMLElement>('.error-box, h3')?.focus();
  };
  const candidate = (): unknown => {
    const model = parsed(editor.value);
    if (!model) show(errorBox(t('model.notJson')));
    return model;
  };
  const refreshHistory = async (): Promise<void> => {
    replace(history, await historyTable(token, show, refreshHistory));
  };

  check.addEventListener('click', async () => {
    const document = candidate();
    if (!document) return;
    try {
      const preview = await adminApi.checkConfig(KIND, document);
      show(preview.valid ? changesList(preview.against ?? 1, preview.changes) : invalid(preview.errors));
    } catch (error) {
      show(apiErrorBox(error));
    }
  });
  const form = h(
    'form',
    { novalidate: true },
    field(t('model.reason'), reason),
    field(t('model.publishToken'), token, t('model.publishTokenHint')),
    h('div', { class: 'actions' }, check, publish),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const document = candidate();
    if (!document) return;
    publish.disabled = true;
    try {
      const outcome = await adminApi.publish(KIND, { document, reason: reason.value, ...by() }, token.value);
      show(outcomeMessage(outcome));
      await refreshHistory();
    } catch (error) {
      show(refusal(error));
    } finally {
      publish.disabled = false;
    }
  });
  void refreshHistory();
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'model-publish' },
    h('h2', { id: 'model-publish' }, t('model.publishTitle')),
    h('p', {}, t('model.publishIntro')),
    form,
    result,
    h('h3', {}, t('model.historyTitle')),
    history,
  );
}

async function historyTable(
  token: HTMLInputElement,
  show: (element: HTMLElement) => void,
  afterRollback: () => Promise<void>,
): Promise<HTMLElement> {
  let versions: Omit<ConfigVersion, 'document'>[];
  try {
    ({ versions } = await adminApi.history(KIND));
  } catch (error) {
    return apiErrorBox(error);
  }
  const rollbackButton = (version: number) => {
    const button = h(
      'button',
      { type: 'button', class: 'secondary' },
      t('model.rollback', { version: `v${version}` }),
    );
    button.addEventListener('click', async () => {
      const reason = (document.querySelector<HTMLInputElement>('input[name="reason"]')?.value ?? '').trim();
      try {
        const outcome = await adminApi.rollback(KIND, { version, reason, ...by() }, token.value);
        show(
          outcome.outcome === 'published'
            ? h(
                'h3',
                { tabindex: '-1' },
                t('model.rolledBack', { version: outcome.version.version, to: version }),
              )
            : outcomeMessage(outcome),
        );
        await afterRollback();
      } catch (error) {
        show(refusal(error));
      }
    });
    return button;
  };
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('model.version'), t('model.label'), t('model.when'), t('model.who'), t('model.why'), ''].map(
          (label) => h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...versions.map((version, index) =>
        h(
          'tr',
          {},
          h('td', {}, `v${version.version}${index === 0 ? ` (${t('model.inForce')})` : ''}`),
          h('td', {}, h('code', {}, version.label)),
          h('td', {}, format.dateTime(version.publishedAt)),
          h('td', {}, version.by),
          h(
            'td',
            {},
            version.reason,
            version.rollbackOf === undefined
              ? ''
              : ` (${t('model.rollbackOf', { version: `v${version.rollbackOf}` })})`,
          ),
          h('td', {}, index === 0 ? '' : rollbackButton(version.version)),
        ),
      ),
    ),
  );
}

function changesList(against: number, changes: readonly ConfigChange[]): HTMLElement {
  if (changes.length === 0) return h('h3', { tabindex: '-1' }, t('model.sameAsCurrent'));
  const value = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
  return h(
    'div',
    {},
    h('h3', { tabindex: '-1' }, t('model.valid', { version: `v${against}` })),
    h(
      'ul',
      { class: 'changes' },
      ...changes.map((change) =>
        h('li', {}, h('code', {}, change.path), `: ${value(change.before)} → ${value(change.after)}`),
      ),
    ),
  );
}

function invalid(errors: readonly ConfigError[]): HTMLElement {
  return errorBox(
    t('model.invalid'),
    errors.map((error) => `${error.path}: ${error.message}`),
  );
}

function outcomeMessage(outcome: PublishOutcome): HTMLElement {
  if (outcome.outcome === 'published') {
    return h(
      'h3',
      { tabindex: '-1' },
      t('model.published', { version: `v${outcome.version.version}`, label: outcome.version.label }),
    );
  }
  if (outcome.outcome === 'unchanged') return h('h3', { tabindex: '-1' }, t('model.unchanged'));
  return invalid(outcome.errors);
}

function refusal(error: unknown): HTMLElement {
  if (error instanceof ApiError && error.status === 422) return invalid(error.configErrors);
  if (error instanceof ApiError && error.status === 403)
    return errorBox(t('model.notPublisher'), [error.message]);
  return apiErrorBox(error);
}

/** The name typed at sign-in, recorded when no identity provider vouches for one. */
function by(): { by?: string } {
  const reviewer = currentSession()?.reviewer;
  return reviewer ? { by: reviewer } : {};
}

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: number): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}
