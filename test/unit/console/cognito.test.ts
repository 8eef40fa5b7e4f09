import { describe, expect, it } from 'vitest';
import {
  type Challenge,
  CognitoError,
  cognitoSignIn,
  refreshIdentity,
} from '../../../console/src/cognito-client.ts';

const settings = { region: 'eu-west-1', clientId: 'client-1' };

/** A stand-in for Cognito's JSON API: answers each call in turn and records what was asked. */
function cognito(answers: { status?: number; body: unknown }[]) {
  const calls: { target: string; body: Record<string, any>; url: string }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      target: String((init.headers as Record<string, string>)['x-amz-target']),
      body: JSON.parse(String(init.body)),
    });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('signing in to the admins user pool from the console', () => {
  it('signs in with the password, then the authenticator code', async () => {
    const { calls, fetcher } = cognito([
      { body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1' } },
      { body: { AuthenticationResult: { IdToken: 'id-1', RefreshToken: 'r-1' } } },
    ]);
    const asked: Challenge[] = [];
    const tokens = await cognitoSignIn(
      settings,
      'alice@example.com',
      'pw',
      async (challenge) => {
        asked.push(challenge);
        return '123456';
      },
      fetcher,
    );
    expect(tokens).toEqual({ idToken: 'id-1', refreshToken: 'r-1' });
    expect(asked).toEqual([{ kind: 'code' }]);
    expect(calls[0]).toMatchObject({
      url: 'https://cognito-idp.eu-west-1.amazonaws.com/',
      target: 'AWSCognitoIdentityProviderService.InitiateAuth',
      body: {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'client-1',
        AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: 'pw' },
      },
    });
    expect(calls[1]?.body).toEqual({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: 'client-1',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'alice@example.com', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
  });

  it('asks a new password on first sign-in, then sets up the authenticator', async () => {
    const { calls, fetcher } = cognito([
      { body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's1' } },
      { body: { ChallengeName: 'MFA_SETUP', Session: 's2' } },
      { body: { SecretCode: 'ABCDEF', Session: 's3' } },
      { body: { Status: 'SUCCESS', Session: 's4' } },
      { body: { AuthenticationResult: { IdToken: 'id-2' } } },
    ]);
    const asked: Challenge[] = [];
    const tokens = await cognitoSignIn(
      settings,
      'bob@example.com',
      'temporary',
      async (challenge) => {
        asked.push(challenge);
        return challenge.kind === 'new-password' ? 'a-new-long-password!' : '654321';
      },
      fetcher,
    );
    expect(tokens.idToken).toBe('id-2');
    expect(asked.map((challenge) => challenge.kind)).toEqual(['new-password', 'setup']);
    expect(asked[1]).toMatchObject({
      secret: 'ABCDEF',
      uri: expect.stringContaining('otpauth://totp/leadflow:bob%40example.com'),
    });
    expect(calls.map((call) => call.target.split('.')[1])).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
    expect(calls[3]?.body).toEqual({ Session: 's3', UserCode: '654321' });
    expect(calls[4]?.body).toMatchObject({ ChallengeName: 'MFA_SETUP', Session: 's4' });
  });

  it("says what Cognito refused, in Cognito's words", async () => {
    const { fetcher } = cognito([
      { status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } },
    ]);
    await expect(cognitoSignIn(settings, 'a@example.com', 'bad', async () => '', fetcher)).rejects.toThrow(
      new CognitoError('Incorrect username or password.'),
    );
  });

  it('refreshes the identity token with the refresh token', async () => {
    const { calls, fetcher } = cognito([{ body: { AuthenticationResult: { IdToken: 'id-3' } } }]);
    expect(await refreshIdentity(settings, 'r-1', fetcher)).toBe('id-3');
    expect(calls[0]?.body).toMatchObject({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'r-1' },
    });
  });
});
