import { type Challenge, type CognitoSettings, type CognitoTokens, cognitoSignIn } from './cognito-client.ts';
import { field } from './components/form.ts';
import { h, replace } from './dom.ts';
import { t } from './i18n.ts';

/** The sign-in with its challenges asked in the page; undefined (and the reason shown) if it failed. */
export async function signInWithCognito(
  settings: CognitoSettings,
  username: string,
  password: string,
  status: HTMLElement,
): Promise<CognitoTokens | undefined> {
  try {
    return await cognitoSignIn(settings, username, password, (challenge) => askInPage(challenge, status));
  } catch (error) {
    replace(
      status,
      h(
        'p',
        { class: 'error-box', role: 'alert' },
        t('signIn.cognitoFailed', { reason: String((error as Error).message) }),
      ),
    );
    return undefined;
  }
}

function askInPage(challenge: Challenge, status: HTMLElement): Promise<string> {
  return new Promise((resolve) => {
    const input = h('input', {
      type: challenge.kind === 'new-password' ? 'password' : 'text',
      inputmode: challenge.kind === 'new-password' ? undefined : 'numeric',
      autocomplete: challenge.kind === 'new-password' ? 'new-password' : 'one-time-code',
      required: true,
    });
    const label = challenge.kind === 'new-password' ? t('signIn.newPassword') : t('signIn.code');
    const button = h('button', { type: 'button' }, t('signIn.continue'));
    button.addEventListener('click', () => resolve(input.value.trim()));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        resolve(input.value.trim());
      }
    });
    replace(
      status,
      h(
        'div',
        { class: 'challenge' },
        challenge.kind === 'setup'
          ? h('p', {}, t('signIn.setup'), ' ', h('code', {}, challenge.secret))
          : null,
        field(label, input),
        button,
      ),
    );
    input.focus();
  });
}
