import { createHmac, timingSafeEqual } from 'node:crypto';
import { SECRETS } from '#shared/runtime/settings.ts';

/**
 * What a token lets its holder do. `manage` opens the preference page and unsubscribes; `confirm`
 * confirms a double opt-in. They are separate so a forwarded newsletter's unsubscribe link can never
 * be turned into a consent, and a confirmation link never unsubscribes.
 */
export type MailTokenPurpose = 'manage' | 'confirm';

export type MailTokenCheck =
  | { readonly ok: true; readonly contactId: string; readonly issuedAt: Date }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

/** The declared secret (infra/wiring) that keys the tokens. */
export const MAIL_TOKEN_SECRET = SECRETS.mailToken.name;

/** Bumped if the payload ever changes shape; it is also part of what is signed. */
const VERSION = 'lf1';

/**
 * Signed, unguessable links for one contact: an HMAC-SHA-256 over the purpose, the contact id and the
 * issue time, keyed with the `MAIL_TOKEN_SECRET` secret. Changing any of them (another contact, another
 * purpose) breaks the signature, and the comparison is constant-time.
 *
 * The secret may hold several keys separated by whitespace or commas: the first signs, all verify, so
 * a key can be rotated without breaking the links already in people's inboxes.
 */
export class MailTokens {
  readonly #keys: readonly Buffer[];

  constructor(secret: string) {
    const keys = secret
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((key) => Buffer.from(key, 'utf8'));
    if (keys.length === 0 || keys.some((key) => key.length < 32)) {
      throw new Error('MAIL_TOKEN_SECRET must hold at least one key of 32 characters or more.');
    }
    this.#keys = keys;
  }

  sign(purpose: MailTokenPurpose, contactId: string, issuedAt: Date): string {
    const payload = `${VERSION}.${purpose}.${contactId}.${Math.floor(issuedAt.getTime() / 1000).toString(36)}`;
    const [key] = this.#keys;
    if (!key) throw new Error('Unreachable: the constructor requires a key.');
    return `${Buffer.from(payload).toString('base64url')}.${mac(key, payload).toString('base64url')}`;
  }

  /** Checks a token for one purpose; `maxAgeDays` bounds how old it may be (confirmation links). */
  verify(token: string, purpose: MailTokenPurpose, now: Date, maxAgeDays?: number): MailTokenCheck {
    const [encodedPayload, encodedMac, extra] = token.split('.');
    if (!encodedPayload || !encodedMac || extra !== undefined || token.length > 400) {
      return { ok: false, reason: 'malformed' };
    }
    const payload = Buffer.from(encodedPayload, 'base64url').toString('utf8');
    const given = Buffer.from(encodedMac, 'base64url');
    const genuine = this.#keys.some((key) => {
      const expected = mac(key, payload);
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!genuine) return { ok: false, reason: 'forged' };
    const [version, tokenPurpose, contactId, issued] = payload.split('.');
    if (version !== VERSION || !contactId || !issued) return { ok: false, reason: 'malformed' };
    // A genuine token for another purpose is treated like a forged one: it proves nothing here.
    if (tokenPurpose !== purpose) return { ok: false, reason: 'forged' };
    const issuedAt = new Date(Number.parseInt(issued, 36) * 1000);
    if (maxAgeDays !== undefined && now.getTime() - issuedAt.getTime() > maxAgeDays * 86_400_000) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, contactId, issuedAt };
  }
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}
