import { announce } from '../announce.ts';
import { adminApi, type ContactListEntry } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { field, select } from '../components/form.ts';
import { STAGE_ORDER, scoreText, stageBadge, stageLabel } from '../components/stage.ts';
import { h, replace } from '../dom.ts';
import { format, type MessageKey, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { navigate } from '../navigate.ts';
import { href } from '../route.ts';

const SORTS = ['updated-desc', 'score-desc', 'score-asc', 'updated-asc'] as const;

/** The contact list: search, filter by stage and score, sort, and page through; rows open the contact. */
export async function renderContacts(context: ViewContext, params: URLSearchParams): Promise<void> {
  const { main } = context;
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', autocomplete: 'off' });
  const stage = select(
    [['all', t('contacts.allStages')], ...STAGE_ORDER.map((s) => [s, stageLabel(s)] as const)],
    params.get('stage') ?? 'all',
  );
  const minScore = h('input', {
    type: 'number',
    name: 'minScore',
    inputmode: 'numeric',
    step: '1',
    value: params.get('minScore') ?? '',
  });
  const maxScore = h('input', {
    type: 'number',
    name: 'maxScore',
    inputmode: 'numeric',
    step: '1',
    value: params.get('maxScore') ?? '',
  });
  const sortValue = `${params.get('sort') ?? 'updated'}-${params.get('order') ?? 'desc'}`;
  const sort = select(
    SORTS.map((s) => [s, t(`contacts.sort.${s}` as MessageKey)] as const),
    sortValue,
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('contacts.searchLabel') },
    field(t('contacts.query'), q, t('contacts.queryHint')),
    field(t('contacts.stage'), stage),
    field(t('contacts.minScore'), minScore),
    field(t('contacts.maxScore'), maxScore),
    field(t('contacts.sort'), sort),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('contacts.apply'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [sortBy, order] = sort.value.split('-');
    navigate('contacts', {
      q: q.value.trim() || undefined,
      stage: stage.value === 'all' ? undefined : stage.value,
      minScore: minScore.value || undefined,
      maxScore: maxScore.value || undefined,
      sort: sortBy === 'updated' ? undefined : sortBy,
      order: order === 'desc' ? undefined : order,
    });
  });
  const status = h('p', { class: 'result-status', role: 'status' });
  const rows = h('tbody');
  const more = h('div', { class: 'more' });
  const table = h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('contacts.tableCaption') },
    h(
      'table',
      { class: 'contacts' },
      h('caption', { class: 'visually-hidden' }, t('contacts.tableCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            t('contacts.col.contact'),
            t('contacts.col.company'),
            t('contacts.col.stage'),
            t('contacts.col.score'),
            t('contacts.col.updated'),
          ].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      rows,
    ),
  );
  replace(main, h('h1', {}, t('contacts.title')), form, status, table, more);

  const query = new URLSearchParams();
  for (const name of ['q', 'stage', 'minScore', 'maxScore', 'sort', 'order']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  let shown = 0;
  const load = async (cursor?: string) => {
    const pageQuery = new URLSearchParams(query);
    if (cursor) pageQuery.set('cursor', cursor);
    status.textContent = t('common.loading');
    try {
      const page = await adminApi.search(pageQuery);
      if (!context.current()) return;
      rows.append(...page.contacts.map(row));
      shown += page.contacts.length;
      status.textContent =
        shown === 0 && !page.nextCursor ? t('contacts.none') : t('contacts.shown', { count: shown });
      replace(
        more,
        page.nextCursor
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: async (event: Event) => {
                  const button = event.currentTarget as HTMLButtonElement;
                  button.disabled = true;
                  await load(page.nextCursor);
                  announce(t('contacts.shown', { count: shown }));
                },
              },
              page.contacts.length === 0 ? t('contacts.keepSearching') : t('contacts.more'),
            )
          : null,
      );
    } catch (error) {
      if (context.current()) replace(more, apiErrorBox(error));
    }
  };
  await load();
}

function row(contact: ContactListEntry): HTMLElement {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return h(
    'tr',
    {},
    h(
      'td',
      {},
      h('a', { href: href(`contacts/${contact.contactId}`) }, name || contact.email),
      name ? h('span', { class: 'sub' }, contact.email) : null,
    ),
    h(
      'td',
      {},
      contact.company ?? '—',
      contact.jobTitle ? h('span', { class: 'sub' }, contact.jobTitle) : null,
    ),
    h('td', {}, stageBadge(contact.stage)),
    h('td', { class: 'num' }, scoreText(contact.score, contact.grade)),
    h(
      'td',
      {},
      h(
        'time',
        { datetime: contact.updatedAt, title: format.dateTime(contact.updatedAt) },
        format.relative(contact.updatedAt),
      ),
    ),
  );
}
