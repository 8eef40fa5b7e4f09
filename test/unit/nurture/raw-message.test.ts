import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ComposedEmail, everyComposedEmail, TEST_FROM } from '../../support/every-email.ts';

/** Every href of an HTML part, in order. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => decode(match[1] ?? ''));
const decode = (value: string) => value.replaceAll('&amp;', '&').replaceAll('&#x3D;', '=');
/** Words of a text, lower-cased, punctuation and link syntax aside, to compare what a reader reads. */
const words = (text: string) =>
  text
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2);

/** The message's header lines, unfolded (RFC 5322 folds a long value onto indented lines). */
const headerBlock = (raw: Buffer) =>
  `${(raw.toString('utf8').split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ')}\r\n`;

let emails: (ComposedEmail & { parsed: ParsedMail })[] = [];
beforeAll(async () => {
  emails = await Promise.all(
    (await everyComposedEmail()).map(async (email) => ({ ...email, parsed: await simpleParser(email.raw) })),
  );
});

describe('the raw MIME of every template, in every language, as the mailer sends it', () => {
  it('covers every template in both locales', () => {
    expect(emails.map((email) => email.name)).toEqual(
      expect.arrayContaining(['newsletter-welcome.en', 'newsletter-welcome.fr', 'daily-digest.en']),
    );
    expect(emails.length).toBeGreaterThanOrEqual(25);
  });

  it('carries Date, a Message-ID on the sender domain, From, To, Subject and a multipart/alternative body', () => {
    for (const { name, raw, parsed } of emails) {
      const head = headerBlock(raw);
      expect(parsed.date?.toISOString(), name).toBe('2026-03-02T10:00:00.000Z');
      expect(parsed.messageId, name).toMatch(/^<[0-9a-f-]{36}@acme-analytics\.test>$/);
      expect(parsed.from?.text, name).toBe(TEST_FROM.replace(/^(.*) </, '"$1" <'));
      expect(parsed.subject, name).toBeTruthy();
      expect(head, name).toMatch(/^Content-Type: multipart\/alternative;/m);
      expect(head, name).toMatch(/^MIME-Version: 1\.0$/m);
    }
  });

  it('lets every contact leave in one click (RFC 8058), with the link the footer shows', () => {
    for (const { name, raw, parsed } of emails.filter((email) => !email.name.startsWith('daily-digest'))) {
      const head = headerBlock(raw);
      const url = /^List-Unsubscribe: +<(https:[^>]+)>\r$/m.exec(head)?.[1];
      expect(url, name).toBeDefined();
      expect(head, name).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      expect(hrefs(String(parsed.html)), name).toContain(url);
      expect(parsed.text, name).toContain(`<${url}>`);
    }
  });

  it('has a text part that says what the HTML says, with the same links', () => {
    for (const { name, parsed } of emails) {
      const html = String(parsed.html);
      const text = parsed.text ?? '';
      expect(text.length, name).toBeGreaterThan(40);
      for (const link of hrefs(html).filter((href) => !href.startsWith('mailto:'))) {
        expect(text, `${name}: ${link}`).toContain(link);
      }
      const fromHtml = new Set(words(html.replace(/<style[\s\S]*?<\/style>|<[^>]+>/g, ' ')));
      const fromText = words(text);
      const missing = fromText.filter((word) => !fromHtml.has(word));
      expect(missing, name).toEqual([]);
    }
  });

  it('links only over HTTPS and gives every image alt text', () => {
    for (const { name, parsed } of emails) {
      const html = String(parsed.html);
      for (const href of hrefs(html)) expect(href, name).toMatch(/^(https:|mailto:)/);
      for (const [, src] of html.matchAll(/\bsrc="([^"]*)"/g)) expect(src, name).toMatch(/^https:/);
      for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img, name).toMatch(/\balt="[^"]+"/);
      expect(parsed.text, name).not.toMatch(/http:\/\//);
    }
  });

  it('names the company, its postal address and the privacy page in every contact footer', () => {
    for (const { name, parsed } of emails.filter((email) => !email.name.startsWith('daily-digest'))) {
      expect(parsed.text, name).toContain(
        'Acme Analytics · 12 Harbour Road, Bristol BS1 5TT, United Kingdom',
      );
      expect(hrefs(String(parsed.html)), name).toContain('https://www.acme-analytics.test/privacy');
    }
  });
});
