import { beforeEach, describe, expect, it } from 'vitest';
import { chatNotices } from '#shared/notify/chat-settings.ts';
import { noticeContent } from '#shared/notify/notification-content.ts';
import { postToChat } from '#shared/notify/post-to-chat.ts';
import { type SlackMessage, slackMessage } from '#shared/notify/slack-message.ts';
import { NOW } from '../../support/builders.ts';
import { COMPLETE_BANT, handOff } from '../../support/hand-off-notice.ts';
import { InMemoryNoticeLog } from '../../support/in-memory-admin-views.ts';

const WINDOW = { endsAt: NOW.getTime() + 10_000 };
const settings = { locale: 'en', timeZone: 'UTC', consoleUrl: 'https://leads.seller.example' } as const;
let posted: SlackMessage[];
/** Errors the channel answers with, first to last, before it accepts posts again. */
let failures: Error[];
let notices: InMemoryNoticeLog;
const deps = (kinds = 'review-requested,prospect-qualified') => ({
  notices,
  clock: () => NOW,
  settings,
  chat: {
    notices: chatNotices(kinds),
    webhook: {
      post: async (message: SlackMessage) => {
        const failure = failures.shift();
        if (failure) throw failure;
        posted.push(message);
      },
    },
  },
});

beforeEach(() => {
  posted = [];
  failures = [];
  notices = new InMemoryNoticeLog();
});

describe('postToChat', () => {
  it('posts a review once, even when the event is delivered again, and again after a failed post', async () => {
    const notice = await handOff('Lead Review Requested');
    failures = [new Error('Slack answered 503')];
    await expect(postToChat(notice, deps(), WINDOW)).rejects.toThrow('503');
    expect(await postToChat(notice, deps(), WINDOW)).toBe('posted');
    expect(await postToChat(notice, deps(), WINDOW)).toBe('already');
    expect(posted).toHaveLength(1);
  });

  it('stays quiet for notices the channel is not configured for, or without a channel', async () => {
    const notice = await handOff('Lead Review Requested');
    expect(await postToChat(notice, deps('prospect-qualified'), WINDOW)).toBe('off');
    expect(await postToChat(notice, { notices, clock: () => NOW, settings }, WINDOW)).toBe('off');
    expect(posted).toEqual([]);
  });
});

describe('slackMessage', () => {
  it('says who, why now and the score, with buttons to decide in the console', async () => {
    const notice = await handOff('Lead Review Requested');
    const message = slackMessage(notice.kind, noticeContent(notice, settings), 'en');
    expect(message.text).toBe('Review requested: Ada (Lovelace <Analytics>)');
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('*Why now:* Demo request on');
    expect(json).toContain('through website form');
    // What people typed cannot become Slack markup (a mention, a link).
    expect(json).toContain('Lovelace &lt;Analytics&gt;');
    const actions = message.blocks.find((block) => (block as { type: string }).type === 'actions') as {
      elements: { text: { text: string }; url: string }[];
    };
    expect(actions.elements.map((button) => button.text.text)).toEqual([
      'Accept',
      'Reject',
      'Open in leadflow',
    ]);
    expect(actions.elements[0]?.url).toBe(
      `https://leads.seller.example/#/contacts/${notice.detail.contact.contactId}?decide=accept`,
    );
  });

  it('offers only the contact page for a prospect, in French when the team reads French', async () => {
    const notice = await handOff('Prospect Qualified', COMPLETE_BANT);
    const message = slackMessage(notice.kind, noticeContent(notice, { ...settings, locale: 'fr' }), 'fr');
    expect(message.text).toMatch(/^Prospect qualifié: Ada/);
    expect(JSON.stringify(message.blocks)).toContain('"text":"Ouvrir dans leadflow"');
    expect(JSON.stringify(message.blocks)).not.toContain('Accepter');
  });
});

describe('chatNotices', () => {
  it('reads the notices chat hears of, and refuses an unknown one naming the variable', () => {
    expect([...chatNotices(' review-requested ; prospect-qualified')]).toEqual([
      'review-requested',
      'prospect-qualified',
    ]);
    expect(chatNotices(undefined).size).toBe(0);
    expect(() => chatNotices('review')).toThrow(/^LEADFLOW_SLACK_NOTIFY names "review"/);
  });
});
