import { announce } from '../announce.ts';
import { adminApi, type ReviewEntry } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { decide } from '../components/decision-dialog.ts';
import { scoreText, stageLabel } from '../components/stage.ts';
import { DECISION_BUTTON_CLASS, type Decision } from '../decisions.ts';
import { h, replace } from '../dom.ts';
import { format, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { href } from '../route.ts';

/** The review queue, longest waiting first: the human validation step of the funnel. */
export async function renderReviews(context: ViewContext): Promise<void> {
  const { main } = context;
  const list = h('ol', { class: 'review-list' });
  const status = h('p', { class: 'result-status', role: 'status', tabindex: '-1' }, t('common.loading'));
  const more = h('div', { class: 'more' });
  replace(
    main,
    h('h1', {}, t('reviews.title')),
    h('p', { class: 'lede' }, t('reviews.intro')),
    status,
    list,
    more,
    followUpSection(context),
  );

  const updateStatus = () => {
    const count = list.children.length;
    status.textContent = count === 0 ? t('reviews.empty') : t('reviews.count', { count });
  };
  const load = async (cursor?: string) => {
    try {
      const page = await adminApi.reviews(cursor);
      if (!context.current()) return;
      list.append(...page.reviews.map((entry) => card(entry, updateStatus)));
      updateStatus();
      replace(
        more,
        page.nextCursor
          ? h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => void load(page.nextCursor) },
              t('reviews.more'),
            )
          : null,
      );
    } catch (error) {
      if (context.current()) replace(status, apiErrorBox(error));
    }
  };
  await load();
}

/** Every open follow-up, the most overdue first: who owes what to whom, by when. */
function followUpSection(context: ViewContext): HTMLElement {
  const body = h('div', {}, t('common.loading'));
  void adminApi.followUps().then(
    ({ followUps }) => {
      if (!context.current()) return;
      replace(
        body,
        followUps.length === 0
          ? h('p', {}, t('followUps.none'))
          : h(
              'table',
              { class: 'follow-ups' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...(['followUps.who', 'followUps.what', 'followUps.owner', 'followUps.due'] as const).map(
                    (key) => h('th', { scope: 'col' }, t(key)),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                ...followUps.map((entry) =>
                  h(
                    'tr',
                    { class: entry.overdue ? 'overdue' : undefined },
                    h(
                      'td',
                      {},
                      h('a', { href: href(`contacts/${encodeURIComponent(entry.contactId)}`) }, entry.name),
                    ),
                    h('td', {}, t(entry.kind === 'review' ? 'followUps.review' : 'followUps.firstTouch')),
                    h('td', {}, entry.owner ?? '—'),
                    h(
                      'td',
                      {},
                      entry.dueAt ? format.dateTime(entry.dueAt) : '—',
                      entry.overdue
                        ? h('span', { class: 'badge overdue-badge' }, ` ${t('followUps.overdue')}`)
                        : null,
                    ),
                  ),
                ),
              ),
            ),
      );
    },
    (error: unknown) => {
      if (context.current()) replace(body, apiErrorBox(error));
    },
  );
  return h(
    'section',
    { class: 'card follow-up-list', 'aria-labelledby': 'follow-ups-title' },
    h('h2', { id: 'follow-ups-title' }, t('followUps.title')),
    body,
  );
}

function card(entry: ReviewEntry, onDecided: () => void): HTMLElement {
  const name = [entry.firstName, entry.lastName].filter(Boolean).join(' ') || entry.email;
  const headingId = `review-${entry.contactId}`;
  const item: HTMLElement = h(
    'li',
    { class: 'review card', 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'review-head' },
      h('h2', { id: headingId }, h('a', { href: href(`contacts/${entry.contactId}`) }, name)),
      h(
        'span',
        {
          class: 'score-pill',
          'aria-label': t('reviews.scoreLabel', { score: scoreText(entry.score?.total, entry.score?.grade) }),
        },
        scoreText(entry.score?.total, entry.score?.grade),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('reviews.who')),
      h(
        'dd',
        {},
        [entry.jobTitle, entry.company].filter(Boolean).join(' · ') || '—',
        ' ',
        h('span', { class: 'sub' }, entry.email),
      ),
      h('dt', {}, t('reviews.why')),
      h('dd', {}, entry.reason ?? '—'),
      h('dt', {}, t('reviews.waiting')),
      h(
        'dd',
        {},
        entry.requestedAt
          ? h(
              'time',
              { datetime: entry.requestedAt, title: format.dateTime(entry.requestedAt) },
              format.relative(entry.requestedAt),
            )
          : '—',
      ),
      h('dt', {}, t('reviews.answers')),
      h('dd', {}, knownAnswers(entry)),
    ),
    h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': t('reviews.actionsFor', { name }) },
      ...(['accept', 'reject', 'disqualify'] as const).map((decision) =>
        h(
          'button',
          {
            type: 'button',
            class: DECISION_BUTTON_CLASS[decision],
            'data-decision': decision,
            onclick: () => void onDecision(decision),
          },
          t(`decision.${decision}`),
        ),
      ),
    ),
  );
  const onDecision = async (decision: Decision) => {
    const stage = await decide({ contactId: entry.contactId, name }, decision);
    if (!stage) return;
    // Focus moves to the next lead (or the list's status), never lost on a removed button.
    const next = (item.nextElementSibling ?? item.previousElementSibling)?.querySelector<HTMLElement>(
      'button',
    );
    item.remove();
    onDecided();
    announce(t('reviews.decided', { name, stage: stageLabel(stage) }));
    (next ?? document.querySelector<HTMLElement>('.result-status'))?.focus();
  };
  return item;
}

function knownAnswers(entry: ReviewEntry): string {
  const known = Object.entries(entry.answers ?? {}).filter(
    ([, value]) => typeof value === 'string' && value.trim() !== '',
  );
  return known.length === 0
    ? t('reviews.noAnswers')
    : known.map(([key, value]) => `${t(`answer.${key}` as never)}: ${value}`).join(' · ');
}
