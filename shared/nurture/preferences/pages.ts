import Handlebars from 'handlebars';
import type { EmailLocale } from '../email-locale.ts';
import type { PreferencesView } from './manage-subscription.ts';

/** Every sentence of the pages, in every language emails are written in. */
const TEXT = {
  en: {
    confirmedTitle: 'Subscription confirmed',
    confirmed: 'Thank you: your subscription is confirmed. Our first email is on its way.',
    alreadyConfirmed: 'Your subscription was already confirmed. Nothing more to do.',
    suppressed: 'This address no longer receives our emails, so there is nothing to confirm.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: 'Stop all our emails to this address?',
    unsubscribeButton: 'Unsubscribe from all emails',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed:
      'Done: we will not email this address again. If that was a mistake, choose your topics below.',
    orChoose: 'Or keep only some topics',
    preferencesTitle: 'Your email preferences',
    preferencesIntro: 'Choose what you receive from us.',
    save: 'Save my choices',
    leaveAll: 'Unsubscribe from everything',
    saved: 'Your choices are saved.',
    stopped: 'This address receives none of our emails at the moment.',
    undeliverable:
      'Emails to this address could not be delivered or were reported, so we stopped sending them.',
    brokenTitle: 'This link does not work',
    broken: 'The link is incomplete or was changed. Use it exactly as it appears in the email.',
    unknownAddress: 'We no longer hold any data about the address this link was sent to.',
    expiredTitle: 'This link has expired',
    expired: 'Confirmation links only work for a few weeks. Sign up again to get a new one.',
  },
  fr: {
    confirmedTitle: 'Inscription confirmée',
    confirmed: 'Merci\u00a0: votre inscription est confirmée. Notre premier e-mail est en route.',
    alreadyConfirmed: 'Votre inscription était déjà confirmée. Il n’y a rien d’autre à faire.',
    suppressed: 'Cette adresse ne reçoit plus nos e-mails, il n’y a donc rien à confirmer.',
    unsubscribeTitle: 'Désabonnement',
    unsubscribeAsk: 'Arrêter tous nos e-mails vers cette adresse\u00a0?',
    unsubscribeButton: 'Me désabonner de tous les e-mails',
    unsubscribedTitle: 'Vous êtes désabonné',
    unsubscribed:
      'C’est fait\u00a0: nous n’écrirons plus à cette adresse. En cas d’erreur, choisissez vos sujets ci-dessous.',
    orChoose: 'Ou gardez seulement certains sujets',
    preferencesTitle: 'Vos préférences d’e-mail',
    preferencesIntro: 'Choisissez ce que vous recevez de notre part.',
    save: 'Enregistrer mes choix',
    leaveAll: 'Me désabonner de tout',
    saved: 'Vos choix sont enregistrés.',
    stopped: 'Cette adresse ne reçoit actuellement aucun de nos e-mails.',
    undeliverable:
      'Nos e-mails à cette adresse n’ont pas pu être remis ou ont été signalés, nous avons donc arrêté de les envoyer.',
    brokenTitle: 'Ce lien ne fonctionne pas',
    broken: 'Le lien est incomplet ou a été modifié. Utilisez-le tel qu’il apparaît dans l’e-mail.',
    unknownAddress: 'Nous ne détenons plus aucune donnée sur l’adresse à laquelle ce lien a été envoyé.',
    expiredTitle: 'Ce lien a expiré',
    expired:
      'Les liens de confirmation ne fonctionnent que quelques semaines. Inscrivez-vous à nouveau pour en recevoir un nouveau.',
  },
} as const satisfies Record<EmailLocale, Record<string, string>>;

type TextKey = keyof (typeof TEXT)['en'];

const layout = Handlebars.compile<{ locale: string; title: string; body: string }>(
  `<!doctype html>
<html lang="{{locale}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>{{title}}</title>
<style>body{margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2933;background:#f5f7fa}
main{max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:8px}button{font-size:16px;padding:10px 18px;border-radius:6px;border:0;background:#2457d6;color:#fff;cursor:pointer}
button.secondary{background:#e4e7eb;color:#1f2933}label{display:block;margin:8px 0}</style></head>
<body><main><h1>{{title}}</h1>{{{body}}}</main></body></html>`,
  // `body` is one of the fragments below, each rendered with escaping; nothing else is ever passed.
);

const fragments = {
  message: Handlebars.compile<{ text: string }>('<p>{{text}}</p>'),
  unsubscribeForm: Handlebars.compile<{
    ask: string;
    button: string;
    preferencesUrl: string;
    orChoose: string;
  }>(
    `<p>{{ask}}</p><form method="post"><input type="hidden" name="confirm" value="yes"><button type="submit">{{button}}</button></form>
<p><a href="{{preferencesUrl}}">{{orChoose}}</a></p>`,
  ),
  preferences: Handlebars.compile<{
    notice?: string;
    canChoose: boolean;
    intro: string;
    topics: PreferencesView['topics'];
    save: string;
    leaveAll: string;
  }>(
    `{{#if notice}}<p><strong>{{notice}}</strong></p>{{/if}}{{#if canChoose}}<p>{{intro}}</p><form method="post">
{{#each topics}}<label><input type="checkbox" name="topic" value="{{id}}"{{#if subscribed}} checked{{/if}}> {{label}}</label>{{/each}}
<p><button type="submit">{{save}}</button> <button type="submit" class="secondary" name="action" value="leave-all">{{leaveAll}}</button></p></form>{{/if}}`,
  ),
};

/** A page made of one sentence. */
export function messagePage(locale: EmailLocale, title: TextKey, message: TextKey): string {
  const text = TEXT[locale];
  return layout({ locale, title: text[title], body: fragments.message({ text: text[message] }) });
}

/** The unsubscribe page: a button that posts (a GET never unsubscribes: link scanners follow links). */
export function unsubscribePage(locale: EmailLocale, preferencesUrl: string): string {
  const text = TEXT[locale];
  return layout({
    locale,
    title: text.unsubscribeTitle,
    body: fragments.unsubscribeForm({
      ask: text.unsubscribeAsk,
      button: text.unsubscribeButton,
      preferencesUrl,
      orChoose: text.orChoose,
    }),
  });
}

/** The preference page: one box per topic, and a way to leave everything (or why mail stopped for good). */
export function preferencesPage(
  view: PreferencesView,
  notice?: TextKey,
  title: TextKey = 'preferencesTitle',
): string {
  const text = TEXT[view.locale];
  const status =
    view.suppressed === 'unsubscribed' ? 'stopped' : view.suppressed ? 'undeliverable' : undefined;
  const shown = notice ?? status;
  return layout({
    locale: view.locale,
    title: text[title],
    body: fragments.preferences({
      notice: shown ? text[shown] : undefined,
      // A bounced or complaining address cannot be subscribed again from here.
      canChoose: status !== 'undeliverable',
      intro: text.preferencesIntro,
      topics: view.topics,
      save: text.save,
      leaveAll: text.leaveAll,
    }),
  });
}
