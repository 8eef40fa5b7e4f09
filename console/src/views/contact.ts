import { announce } from '../announce.ts';
import { adminApi, type ContactView } from '../api.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { decide } from '../components/decision-dialog.ts';
import { stageBadge, stageLabel } from '../components/stage.ts';
import { DECISION_BUTTON_CLASS, DECISIONS_FROM, type Decision } from '../decisions.ts';
import { type Child, h, replace } from '../dom.ts';
import { format, type MessageKey, t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { href } from '../route.ts';

type Line = { rule: string; points: number; reason: string };

/**
 * One contact: who, the score line by line, the activity timeline, emails sent, consent,
 * attribution and every stage change, with the decisions its stage allows.
 */
export async function renderContact(context: ViewContext, contactId: string): Promise<void> {
  const { main } = context;
  replace(main, h('p', { class: 'loading' }, t('common.loading')));
  let view: ContactView;
  try {
    view = await adminApi.contact(contactId);
  } catch (error) {
    if (context.current())
      replace(
        main,
        h('h1', {}, t('contact.notFoundTitle')),
        apiErrorBox(error),
        h('p', {}, h('a', { href: href('contacts') }, t('contact.back'))),
      );
    return;
  }
  if (!context.current()) return;
  const { contact, score } = view;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email;
  const actions = (Object.keys(DECISIONS_FROM) as Decision[]).filter((d) =>
    DECISIONS_FROM[d].includes(contact.stage),
  );
  replace(
    main,
    h('p', { class: 'breadcrumb' }, h('a', { href: href('contacts') }, t('contact.back'))),
    h(
      'div',
      { class: 'contact-head' },
      h(
        'div',
        {},
        h('h1', {}, name),
        h(
          'p',
          { class: 'sub' },
          [contact.email, contact.jobTitle, contact.company].filter(Boolean).join(' · '),
        ),
      ),
      h(
        'div',
        { class: 'contact-score' },
        stageBadge(contact.stage),
        h(
          'span',
          {
            class: 'big-score',
            'aria-label': t('contact.scoreLabel', { score: score?.total ?? '—', grade: score?.grade ?? '—' }),
          },
          score ? String(score.total) : '—',
          score ? h('span', { class: 'grade' }, score.grade) : null,
        ),
      ),
    ),
    announcementNotice(view),
    actions.length > 0
      ? h(
          'div',
          { class: 'actions', role: 'group', 'aria-label': t('contact.decide') },
          ...actions.map((decision) =>
            h(
              'button',
              {
                type: 'button',
                class: DECISION_BUTTON_CLASS[decision],
                onclick: async () => {
                  const stage = await decide({ contactId, name }, decision);
                  if (!stage) return;
                  announce(t('reviews.decided', { name, stage: stageLabel(stage) }));
                  await renderContact(context, contactId);
                },
              },
              t(`decision.${decision}` as MessageKey),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'contact-grid' },
      wide(section('contact.score', scoreSection(view))),
      section('contact.profile', profileSection(view)),
      section('contact.timeline', timelineSection(view)),
      section('contact.transitions', transitionsSection(view)),
      section('contact.emails', emailsSection(view)),
      section('contact.consent', consentSection(view)),
    ),
  );
}

/** "Qualified, announcement pending": the hand-off is saved but its event is not on the bus yet. */
function announcementNotice({ contact }: ContactView): HTMLElement | null {
  const pending = contact.announcementPending;
  if (!pending) return null;
  const lines: Child[] = [
    h(
      'strong',
      {},
      t(pending.kind === 'qualification' ? 'contact.qualifiedPending' : 'contact.reviewPending', {
        since: format.dateTime(pending.since),
      }),
    ),
  ];
  if (pending.lastFailure) {
    lines.push(
      ' ',
      t(pending.deadLetteredAt ? 'contact.announceDeadLettered' : 'contact.announceFailed', {
        attempts: pending.attempts,
        reason: pending.lastFailure.reason,
      }),
    );
  }
  return h('p', { class: 'notice announcement-pending', role: 'status' }, ...lines);
}

/** The score breakdown takes the whole width: its reasons are sentences. */
function wide(element: HTMLElement): HTMLElement {
  element.classList.add('wide');
  return element;
}

function section(title: MessageKey, ...content: Child[]): HTMLElement {
  const id = `section-${title.replace(/\W/g, '-')}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, t(title)), ...content);
}

function scoreSection({ score }: ContactView): Child {
  if (!score) return h('p', {}, t('contact.notScored'));
  const groups: [MessageKey, string, number][] = [
    ['contact.fit', 'fit.', score.fit],
    ['contact.engagement', 'engagement.', score.engagement],
    ['contact.qualification', 'qualification.', score.qualification],
  ];
  return [
    h(
      'p',
      {},
      t('contact.scoreSummary', {
        total: score.total,
        fit: score.fit,
        engagement: score.engagement,
        qualification: score.qualification,
        grade: score.grade,
      }),
    ),
    ...groups.map(([label, prefix, subtotal]) => {
      const lines = (score.breakdown as Line[]).filter((line) => line.rule.startsWith(prefix));
      return h(
        'table',
        { class: 'breakdown' },
        h('caption', {}, `${t(label)} (${format.signed(subtotal)})`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('contact.points')),
            h('th', { scope: 'col' }, t('contact.rule')),
            h('th', { scope: 'col' }, t('contact.reason')),
          ),
        ),
        h(
          'tbody',
          {},
          ...(lines.length === 0
            ? [h('tr', {}, h('td', { colspan: 3 }, t('contact.noLines')))]
            : lines.map((line) =>
                h(
                  'tr',
                  {},
                  h('td', { class: `num ${line.points < 0 ? 'negative' : ''}` }, format.signed(line.points)),
                  h('td', {}, h('code', {}, line.rule)),
                  h('td', {}, line.reason),
                ),
              )),
        ),
      );
    }),
    h(
      'p',
      { class: 'hint' },
      t('contact.model', { version: score.modelVersion, at: format.dateTime(score.scoredAt) }),
    ),
  ];
}

function profileSection({ contact }: ContactView): Child {
  const answers = Object.entries(contact.answers ?? {}).filter(
    ([, v]) => typeof v === 'string' && v.trim() !== '',
  );
  const touch = (label: MessageKey, value: typeof contact.firstTouch) =>
    value
      ? [
          h('dt', {}, t(label)),
          h(
            'dd',
            {},
            [value.utmSource, value.utmMedium, value.utmCampaign].filter(Boolean).join(' / ') ||
              value.referrer ||
              '—',
            ' · ',
            format.dateTime(value.at),
          ),
        ]
      : [];
  return h(
    'dl',
    { class: 'facts' },
    ...(
      [
        ['contact.company', contact.company],
        ['contact.jobTitle', contact.jobTitle],
        ['contact.companySize', contact.companySize],
        ['contact.industry', contact.industry],
        ['contact.country', contact.country],
        ['contact.phone', contact.phone],
        ['contact.created', format.dateTime(contact.createdAt)],
      ] as [MessageKey, string | undefined][]
    ).flatMap(([label, value]) => [h('dt', {}, t(label)), h('dd', {}, value || '—')]),
    ...touch('contact.firstTouch', contact.firstTouch),
    ...touch('contact.lastTouch', contact.lastTouch),
    h('dt', {}, t('contact.answers')),
    h(
      'dd',
      {},
      answers.length === 0
        ? t('reviews.noAnswers')
        : h(
            'ul',
            { class: 'plain' },
            ...answers.map(([key, value]) => h('li', {}, `${t(`answer.${key}` as MessageKey)}: ${value}`)),
          ),
    ),
  );
}

function timelineSection({ activities }: ContactView): Child {
  if (activities.length === 0) return h('p', {}, t('contact.noActivity'));
  return h(
    'ol',
    { class: 'timeline', reversed: true },
    ...[...activities]
      .reverse()
      .map((activity) =>
        h(
          'li',
          {},
          h('time', { datetime: activity.occurredAt }, format.dateTime(activity.occurredAt)),
          ' ',
          h('strong', {}, t(`activity.${activity.type}` as MessageKey)),
          ` · ${activity.channel}`,
          activity.page ? h('span', { class: 'sub' }, activity.page) : null,
        ),
      ),
  );
}

function transitionsSection({ transitions }: ContactView): Child {
  if (transitions.length === 0) return h('p', {}, t('contact.noTransitions'));
  return h(
    'ol',
    { class: 'timeline', reversed: true },
    ...[...transitions]
      .reverse()
      .map((transition) =>
        h(
          'li',
          {},
          h('time', { datetime: transition.at }, format.dateTime(transition.at)),
          ' ',
          h('strong', {}, `${stageLabel(transition.from)} → ${stageLabel(transition.to)}`),
          h('span', { class: 'sub' }, `${transition.by} — ${transition.reason}`),
        ),
      ),
  );
}

function emailsSection({ emails }: ContactView): Child {
  return emails.length === 0
    ? h('p', {}, t('contact.noEmails'))
    : h(
        'ul',
        { class: 'plain' },
        ...emails.map((email) =>
          h(
            'li',
            {},
            h('code', {}, email.template),
            ' · ',
            format.dateTime(email.sentAt),
            ' · ',
            email.outcome,
          ),
        ),
      );
}

function consentSection({ contact }: ContactView): Child {
  const consent = contact.consent;
  if (!consent) return h('p', {}, t('contact.noConsent'));
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('contact.consentGiven')),
    h('dd', {}, consent.granted ? t('common.yes') : t('common.no')),
    h('dt', {}, t('contact.legalBasis')),
    h('dd', {}, t(`legalBasis.${consent.legalBasis}` as MessageKey)),
    h('dt', {}, t('contact.purpose')),
    h('dd', {}, consent.purpose ?? '—'),
    h('dt', {}, t('contact.recorded')),
    h('dd', {}, `${format.dateTime(consent.recordedAt)} · ${consent.source}`),
  );
}
