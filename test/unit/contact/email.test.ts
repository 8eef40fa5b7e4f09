import { describe, expect, it } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';

describe('normalizeEmail', () => {
  it.each([
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['jane@müller.de', 'jane@xn--mller-kva.de'],
    ['JANE@XN--MLLER-KVA.DE', 'jane@xn--mller-kva.de'],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, email: expected });
  });

  it.each([
    ['no-at-sign'],
    ['@example.com'],
    ['jane@'],
    ['jane@localhost'],
    ['jane doe@example.com'],
    ['a@b@c.com'],
  ])('refuses %j with a reason', (raw) => {
    const result = normalizeEmail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/email|domain/i);
  });

  it('gives both spellings of an international domain the same contact id', () => {
    const unicode = normalizeEmail('jane@müller.de');
    const ascii = normalizeEmail('jane@xn--mller-kva.de');
    expect(unicode.ok && ascii.ok && contactIdFor(unicode.email) === contactIdFor(ascii.email)).toBe(true);
  });
});

describe('classifyEmail', () => {
  it('tells business, free and disposable addresses apart', () => {
    expect(classifyEmail('jane@acme-industries.com')).toEqual({
      domain: 'acme-industries.com',
      freeMail: false,
      disposable: false,
      role: false,
    });
    expect(classifyEmail('jane@gmail.com')).toMatchObject({ freeMail: true, disposable: false });
    expect(classifyEmail('jane@mailinator.com')).toMatchObject({ disposable: true });
    expect(classifyEmail('jane@inbox.mailinator.com')).toMatchObject({ disposable: true });
    expect(classifyEmail('jane@mailinator.com.acme-industries.com')).toMatchObject({ disposable: false });
  });

  it('flags role addresses from the maintained list, with or without a +tag', () => {
    for (const email of [
      'info@acme-industries.com',
      'contact@acme-industries.com',
      'sales+web@acme-industries.com',
    ]) {
      expect(classifyEmail(email), email).toMatchObject({ role: true, freeMail: false });
    }
    expect(classifyEmail('jane.doe@acme-industries.com').role).toBe(false);
  });
});
