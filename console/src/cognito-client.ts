/**
 * Signing in to the admins' Cognito user pool from the browser, through Cognito's public JSON API
 * (the user pool client has no secret and allows USER_PASSWORD_AUTH): the password, then the
 * authenticator code, a new password on first sign-in, or the authenticator's set-up. No SDK: the
 * four calls are small, and the console stays a few kilobytes.
 */
export interface CognitoSettings {
  readonly region: string;
  readonly clientId: string;
}

export interface CognitoTokens {
  readonly idToken: string;
  readonly refreshToken?: string;
}

/** What the person is asked for between the password and the tokens. */
export type Challenge =
  | { readonly kind: 'code' }
  | { readonly kind: 'new-password' }
  | { readonly kind: 'setup'; readonly secret: string; readonly uri: string };

export class CognitoError extends Error {
  override name = 'CognitoError';
}

type Fetch = typeof fetch;

/** The fields of Cognito's answers this sign-in reads. */
interface CognitoAnswer {
  readonly AuthenticationResult?: { readonly IdToken?: string; readonly RefreshToken?: string };
  readonly ChallengeName?: string;
  readonly Session?: string;
  readonly SecretCode?: string;
  readonly message?: string;
  readonly __type?: string;
}

async function call(settings: CognitoSettings, action: string, body: unknown, fetcher: Fetch) {
  const response = await fetcher(`https://cognito-idp.${settings.region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as CognitoAnswer;
  if (!response.ok) throw new CognitoError(String(payload.message ?? payload.__type ?? response.status));
  return payload;
}

/**
 * Runs the sign-in to the end: `ask` is called for each challenge and answers with what the person
 * typed (the code, or the new password).
 */
export async function cognitoSignIn(
  settings: CognitoSettings,
  username: string,
  password: string,
  ask: (challenge: Challenge) => Promise<string>,
  fetcher: Fetch = fetch,
): Promise<CognitoTokens> {
  let step = await call(
    settings,
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: settings.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    },
    fetcher,
  );
  for (let round = 0; round < 5; round += 1) {
    const result = step.AuthenticationResult;
    if (result?.IdToken) return { idToken: result.IdToken, refreshToken: result.RefreshToken };
    const respond = (name: string, responses: Record<string, string>, session = step.Session) =>
      call(
        settings,
        'RespondToAuthChallenge',
        {
          ChallengeName: name,
          ClientId: settings.clientId,
          Session: session,
          ChallengeResponses: { USERNAME: username, ...responses },
        },
        fetcher,
      );
    switch (step.ChallengeName) {
      case 'SOFTWARE_TOKEN_MFA':
        step = await respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: await ask({ kind: 'code' }) });
        break;
      case 'NEW_PASSWORD_REQUIRED':
        step = await respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: await ask({ kind: 'new-password' }) });
        break;
      case 'MFA_SETUP': {
        const association = await call(
          settings,
          'AssociateSoftwareToken',
          { Session: step.Session },
          fetcher,
        );
        const secret = String(association.SecretCode);
        const uri = `otpauth://totp/leadflow:${encodeURIComponent(username)}?secret=${secret}&issuer=leadflow`;
        const verified = await call(
          settings,
          'VerifySoftwareToken',
          { Session: association.Session, UserCode: await ask({ kind: 'setup', secret, uri }) },
          fetcher,
        );
        step = await respond('MFA_SETUP', {}, verified.Session);
        break;
      }
      default:
        throw new CognitoError(`Unsupported sign-in step ${String(step.ChallengeName)}.`);
    }
  }
  throw new CognitoError('The sign-in did not finish.');
}

/** A fresh ID token from the refresh token, when the hour-long one has expired. */
export async function refreshIdentity(
  settings: CognitoSettings,
  refreshToken: string,
  fetcher: Fetch = fetch,
) {
  const result = await call(
    settings,
    'InitiateAuth',
    {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: settings.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    },
    fetcher,
  );
  return String(result.AuthenticationResult?.IdToken ?? '');
}
