import { ApiError, adminApi } from '../api.ts';
import { signInWithCognito } from '../cognito.ts';
import { apiErrorBox } from '../components/api-error.ts';
import { errorBox, field } from '../components/form.ts';
import { h, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import type { ViewContext } from '../main.ts';
import { saveSession } from '../session.ts';

/**
 * Asks for the admin token once per tab (and, where the deployment uses Cognito, for the person's
 * account), checks it against the API, and goes where the person was heading.
 */
export async function renderSignIn(context: ViewContext, params: URLSearchParams): Promise<void> {
  const { main, config } = context;
  const token = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const reviewer = h('input', { type: 'text', name: 'reviewer', autocomplete: 'name' });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const status = h('div', { class: 'form-status' });
  const cognito = config.signIn.kind === 'cognito' ? config.signIn : undefined;
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true },
    cognito
      ? h(
          'fieldset',
          {},
          h('legend', {}, t('signIn.account')),
          field(t('signIn.email'), email),
          field(t('signIn.password'), password),
        )
      : null,
    field(t('signIn.token'), token, t('signIn.tokenHint')),
    cognito ? null : field(t('signIn.reviewer'), reviewer, t('signIn.reviewerHint')),
    status,
    h('button', { type: 'submit' }, t('signIn.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = [
      ...(token.value.trim() ? [] : [t('signIn.token')]),
      ...(cognito && !email.value.trim() ? [t('signIn.email')] : []),
      ...(cognito && !password.value ? [t('signIn.password')] : []),
    ];
    if (missing.length > 0) {
      replace(status, errorBox(t('signIn.missing'), missing));
      status.querySelector<HTMLElement>('.error-box')?.focus();
      return;
    }
    try {
      const identity = cognito
        ? await signInWithCognito(cognito, email.value.trim(), password.value, status)
        : undefined;
      if (cognito && !identity) return;
      saveSession({
        token: token.value.trim(),
        reviewer: reviewer.value.trim() || undefined,
        identity: identity?.idToken,
        refresh: identity?.refreshToken,
      });
      await adminApi.model();
      location.hash = params.get('next') || '#/funnel';
    } catch (error) {
      const refused = error instanceof ApiError && error.status === 401;
      replace(status, refused ? errorBox(t('signIn.refused')) : apiErrorBox(error));
      status.querySelector<HTMLElement>('.error-box')?.focus();
    }
  });
  replace(
    main,
    h(
      'div',
      { class: 'sign-in' },
      h('h1', {}, t('signIn.title')),
      params.get('expired') ? h('p', { class: 'notice', role: 'status' }, t('signIn.expired')) : null,
      h('p', {}, t('signIn.intro')),
      form,
    ),
  );
}
