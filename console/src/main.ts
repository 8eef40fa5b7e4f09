import 'uplot/dist/uPlot.min.css';
import '../styles.css';
import { whenIdentityExpires, whenUnauthorized } from './api.ts';
import { refreshIdentity } from './cognito-client.ts';
import { renderSendingBanner } from './components/sending-banner.ts';
import { type ConsoleConfig, loadConfig } from './config.ts';
import { h, replace } from './dom.ts';
import { LANGUAGES, type Language, language, setLanguage, t } from './i18n.ts';
import { navigate } from './navigate.ts';
import { href, parseRoute, type Route } from './route.ts';
import { currentSession, endSession, updateIdentity } from './session.ts';
import { renderContact } from './views/contact.ts';
import { renderContacts } from './views/contacts.ts';
import { renderFunnel } from './views/funnel.ts';
import { renderJobs } from './views/jobs.ts';
import { renderModel } from './views/model.ts';
import { renderReviews } from './views/reviews.ts';
import { renderSignIn } from './views/sign-in.ts';

/** What a view gets: where to draw, the route it answers, and whether it is still the current one. */
export interface ViewContext {
  readonly main: HTMLElement;
  readonly config: ConsoleConfig;
  /** False once the person has moved on: a late answer must not draw over the next view. */
  readonly current: () => boolean;
}

const NAV = [
  { view: 'funnel', path: 'funnel', label: 'nav.funnel' },
  { view: 'contacts', path: 'contacts', label: 'nav.contacts' },
  { view: 'reviews', path: 'reviews', label: 'nav.reviews' },
  { view: 'model', path: 'model', label: 'nav.model' },
  { view: 'jobs', path: 'jobs', label: 'nav.jobs' },
] as const;

let config: ConsoleConfig = { signIn: { kind: 'token' } };
let renderCount = 0;

function shell(route: Route): { main: HTMLElement } {
  const session = currentSession();
  const main = h('main', { id: 'main', tabindex: '-1' });
  const skip = h('a', { class: 'skip-link', href: '#main' }, t('shell.skip'));
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  const languageId = 'language-select';
  const languageSelect = h(
    'select',
    { id: languageId },
    ...Object.entries(LANGUAGES).map(([code, name]) =>
      h('option', { value: code, lang: code, selected: code === language() }, name),
    ),
  );
  languageSelect.addEventListener('change', () => {
    setLanguage(languageSelect.value as Language);
    void render();
    document.getElementById(languageId)?.focus();
  });
  const current = route.view === 'contact' ? 'contacts' : route.view;
  const banner = h('div', { id: 'sending-banner' });
  if (session) void renderSendingBanner(banner);
  replace(
    document.body,
    skip,
    h(
      'header',
      { class: 'topbar' },
      h(
        'a',
        { class: 'brand', href: href('funnel') },
        'leadflow',
        h('span', { class: 'brand-sub' }, t('shell.subtitle')),
      ),
      session
        ? h(
            'nav',
            { 'aria-label': t('shell.navigation') },
            h(
              'ul',
              {},
              ...NAV.map((item) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: href(item.path), 'aria-current': item.view === current ? 'page' : undefined },
                    t(item.label),
                  ),
                ),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'topbar-tools' },
        h('label', { for: languageId }, t('shell.language')),
        languageSelect,
        session
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => {
                  endSession();
                  navigate('sign-in');
                },
              },
              t('shell.signOut'),
            )
          : null,
      ),
    ),
    banner,
    main,
    h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' }),
  );
  return { main };
}

async function render(): Promise<void> {
  renderCount += 1;
  const mine = renderCount;
  let route = parseRoute(location.hash);
  if (!currentSession() && route.view !== 'sign-in') {
    const next = location.hash && location.hash !== '#/sign-in' ? location.hash : '';
    history.replaceState(null, '', href('sign-in', { next: next || undefined }));
    route = parseRoute(location.hash);
  }
  const { main } = shell(route);
  const context: ViewContext = { main, config, current: () => mine === renderCount };
  main.setAttribute('aria-busy', 'true');
  try {
    switch (route.view) {
      case 'sign-in':
        await renderSignIn(context, route.params);
        break;
      case 'contacts':
        await renderContacts(context, route.params);
        break;
      case 'contact':
        await renderContact(context, route.contactId);
        break;
      case 'reviews':
        await renderReviews(context);
        break;
      case 'model':
        await renderModel(context);
        break;
      case 'jobs':
        await renderJobs(context);
        break;
      default:
        await renderFunnel(context, route.params);
    }
  } finally {
    if (context.current()) main.removeAttribute('aria-busy');
  }
  if (!context.current()) return;
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? 'leadflow'} · leadflow`;
  // A new page: move focus to its heading, as a page load would, so screen readers start there.
  if (heading && document.activeElement?.id !== 'language-select') {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

whenUnauthorized(() => {
  endSession();
  // On the sign-in page the form itself says the token was refused.
  if (location.hash.startsWith('#/sign-in')) return;
  navigate('sign-in', {
    expired: '1',
    next: location.hash.startsWith('#/sign-in') ? undefined : location.hash,
  });
});

document.documentElement.lang = language();
config = await loadConfig();
const { signIn } = config;
if (signIn.kind === 'cognito') {
  whenIdentityExpires(async () => {
    const refresh = currentSession()?.refresh;
    const identity = refresh ? await refreshIdentity(signIn, refresh) : '';
    if (identity) updateIdentity(identity);
    return identity !== '';
  });
}
window.addEventListener('hashchange', () => void render());
await render();
