import type { EmailLocale } from '#shared/nurture/email-locale.ts';
import type { NoticeContent, SalesNotice } from './notification-content.ts';

/** A Slack message as an incoming webhook takes it: Block Kit blocks, and `text` for notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly object[];
}

const WORDS = {
  en: {
    'review-requested': 'Review requested',
    'prospect-qualified': 'Prospect qualified',
    whyNow: 'Why now',
    score: 'Score',
    grade: 'grade',
    owner: 'Owner',
    deadline: 'Due',
    open: 'Open in leadflow',
    accept: 'Accept',
    reject: 'Reject',
    on: 'on',
    through: 'through',
  },
  fr: {
    'review-requested': 'Revue demandée',
    'prospect-qualified': 'Prospect qualifié',
    whyNow: 'Pourquoi maintenant',
    score: 'Score',
    grade: 'note',
    owner: 'Responsable',
    deadline: 'Échéance',
    open: 'Ouvrir dans leadflow',
    accept: 'Accepter',
    reject: 'Rejeter',
    on: 'le',
    through: 'via',
  },
} as const;

/**
 * The notification as a Slack message: the same content as the email, compact, with buttons to the
 * console. Everything people typed is escaped, so a name cannot mention @channel or forge a link.
 */
export function slackMessage(
  kind: SalesNotice['kind'],
  content: NoticeContent & { readonly owner?: string; readonly deadline?: string },
  locale: EmailLocale,
): SlackMessage {
  const words = WORDS[locale];
  const title = `${words[kind]}: ${content.who}${content.company ? ` (${content.company})` : ''}`;
  const trigger = content.trigger
    ? `${content.trigger.activity} ${words.on} ${content.trigger.at}, ${words.through} ${content.trigger.source}. `
    : '';
  const facts = [
    `*${words.score} ${content.score.total}* (${words.grade} ${content.score.grade})`,
    content.owner && `${words.owner}: ${escapeMrkdwn(content.owner)}`,
    content.deadline && `${words.deadline}: ${escapeMrkdwn(content.deadline)}`,
  ].filter(Boolean);
  const buttons: { text: string; url: string; style?: 'primary' }[] = [];
  if (kind === 'review-requested' && content.links.accept && content.links.reject) {
    buttons.push({ text: words.accept, url: content.links.accept, style: 'primary' });
    buttons.push({ text: words.reject, url: content.links.reject });
  }
  if (content.links.contact) buttons.push({ text: words.open, url: content.links.contact });
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: false } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${words.whyNow}:* ${escapeMrkdwn(trigger + content.reason)}.` },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            facts.join(' · '),
            ...content.score.top.map((line) => `${line.points}  ${escapeMrkdwn(line.reason)}`),
          ].join('\n'),
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: escapeMrkdwn(
              [content.email, content.company, ...content.profile.map((line) => line.value)]
                .filter(Boolean)
                .join(' · '),
            ),
          },
        ],
      },
      ...(buttons.length > 0
        ? [
            {
              type: 'actions',
              elements: buttons.map((button) => ({
                type: 'button',
                text: { type: 'plain_text', text: button.text },
                url: button.url,
                ...(button.style ? { style: button.style } : {}),
              })),
            },
          ]
        : []),
    ],
  };
}

/** Slack's mrkdwn treats `&`, `<` and `>` as control characters; these three are all it asks to escape. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
