import { describe, expect, it } from 'vitest';
import { MailTokens } from '#shared/nurture/mail-token.ts';

const KEY = 'a-test-key-that-is-at-least-32-characters-long';
const NOW = new Date('2026-03-02T10:00:00Z');
const tokens = new MailTokens(KEY);

describe('MailTokens', () => {
  it('gives back the contact a token was signed for', () => {
    const token = tokens.sign('manage', 'c_1', NOW);
    expect(tokens.verify(token, 'manage', NOW)).toEqual({ ok: true, contactId: 'c_1', issuedAt: NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('cannot be turned into another contact’s token', () => {
    const [payload, mac] = tokens.sign('manage', 'c_1', NOW).split('.');
    const otherPayload = Buffer.from(
      Buffer.from(payload ?? '', 'base64url')
        .toString()
        .replace('c_1', 'c_2'),
    ).toString('base64url');
    expect(tokens.verify(`${otherPayload}.${mac}`, 'manage', NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('is refused when signed with another key, or for another purpose', () => {
    const stranger = new MailTokens('another-key-that-is-also-32-characters-or-more');
    expect(tokens.verify(stranger.sign('manage', 'c_1', NOW), 'manage', NOW)).toMatchObject({
      reason: 'forged',
    });
    expect(tokens.verify(tokens.sign('manage', 'c_1', NOW), 'confirm', NOW)).toMatchObject({
      reason: 'forged',
    });
  });

  it('expires when a maximum age is asked', () => {
    const token = tokens.sign('confirm', 'c_1', NOW);
    const later = new Date(NOW.getTime() + 31 * 86_400_000);
    expect(tokens.verify(token, 'confirm', later, 30)).toEqual({ ok: false, reason: 'expired' });
    expect(tokens.verify(token, 'confirm', later)).toMatchObject({ ok: true });
  });

  it.each(['', 'abc', 'a.b.c', '.', 'x'.repeat(500)])('refuses the malformed token %j', (token) => {
    expect(tokens.verify(token, 'manage', NOW).ok).toBe(false);
  });

  it('verifies with every key of a rotation and signs with the first', () => {
    const old = new MailTokens(KEY);
    const rotated = new MailTokens(`new-key-that-is-also-32-characters-long ${KEY}`);
    expect(rotated.verify(old.sign('manage', 'c_1', NOW), 'manage', NOW)).toMatchObject({ ok: true });
    expect(old.verify(rotated.sign('manage', 'c_1', NOW), 'manage', NOW)).toMatchObject({ reason: 'forged' });
  });

  it('refuses a short key', () => {
    expect(() => new MailTokens('short')).toThrow(/32 characters/);
  });
});
