import { describe, expect, it } from 'vitest';
import {
  contactIdOfVisitorToken,
  issueVisitorToken,
  VISITOR_TOKEN_LIFETIME_SECONDS,
  visitorCookie,
  visitorTokenFromCookies,
} from '#shared/tracking/visitor-token.ts';
import { NOW } from '../../support/builders.ts';

const CONTACT = 'c_0123456789abcdef0123456789abcdef';
const SECRET = 'a-visitor-token-secret';

describe('visitor tokens', () => {
  it('name the contact they were issued for, without showing its id', async () => {
    const token = await issueVisitorToken(CONTACT, SECRET, NOW);
    expect(token).not.toContain(CONTACT);
    expect(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).toContain('A256GCM');
    expect(await contactIdOfVisitorToken(token, SECRET, NOW)).toBe(CONTACT);
  });

  it('are not guessable: two tokens for one contact differ', async () => {
    expect(await issueVisitorToken(CONTACT, SECRET, NOW)).not.toBe(
      await issueVisitorToken(CONTACT, SECRET, NOW),
    );
  });

  it('are worth nothing under another secret, altered, or after their lifetime', async () => {
    const token = await issueVisitorToken(CONTACT, SECRET, NOW);
    const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    expect(await contactIdOfVisitorToken(token, 'another-secret', NOW)).toBeUndefined();
    const parts = token.split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expect(await contactIdOfVisitorToken(parts.join('.'), SECRET, NOW)).toBeUndefined();
    expect(await contactIdOfVisitorToken(token, SECRET, later(VISITOR_TOKEN_LIFETIME_SECONDS - 60))).toBe(
      CONTACT,
    );
    expect(
      await contactIdOfVisitorToken(token, SECRET, later(VISITOR_TOKEN_LIFETIME_SECONDS + 60)),
    ).toBeUndefined();
  });

  it('travel in an HttpOnly, Secure, SameSite=None cookie, read back from the request cookies', () => {
    const cookie = visitorCookie('tok.en');
    expect(cookie).toMatch(/^lf_vt=tok\.en; Max-Age=\d+; Path=\/; Secure; HttpOnly; SameSite=None$/);
    expect(visitorTokenFromCookies(['theme=dark', 'lf_vt=tok.en'])).toBe('tok.en');
    expect(visitorTokenFromCookies(['lf_vt='])).toBeUndefined();
    expect(visitorTokenFromCookies(undefined)).toBeUndefined();
  });
});
