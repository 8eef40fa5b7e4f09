import { describe, expect, it } from 'vitest';
import { renderEmail, UnknownTemplateError } from '#shared/nurture/render-email.ts';
import { COMPILED_TEMPLATES } from '#shared/nurture/templates.ts';

const links = {
  unsubscribeUrl: 'https://leads.example.com/unsubscribe?token=abc',
  preferencesUrl: 'https://leads.example.com/preferences?token=abc',
  links: { website: 'https://www.example.com', blog: 'https://www.example.com/blog' },
};

describe('renderEmail', () => {
  it('fills subject, HTML and text in the asked language', () => {
    const en = renderEmail('newsletter-welcome', 'en', { ...links, firstName: 'Jane' });
    const fr = renderEmail('newsletter-welcome', 'fr', { ...links, firstName: 'Jeanne' });
    expect(en.subject).toBe('Welcome to our newsletter, Jane');
    expect(fr.subject).toBe('Bienvenue dans notre lettre d’information, Jeanne');
    expect(en.text).toContain('Hello Jane,');
    expect(fr.html).toContain('Bonjour Jeanne,');
    expect(en.html).toContain('href="https://leads.example.com/unsubscribe?token&#x3D;abc"');
    expect(en.text).toContain('<https://leads.example.com/unsubscribe?token=abc>');
  });

  it('escapes HTML in personal fields, so a name cannot inject markup', () => {
    const email = renderEmail('newsletter-welcome', 'en', {
      ...links,
      firstName: '<script>alert(1)</script><a href="x">',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href&#x3D;&quot;x&quot;&gt;');
  });

  it('keeps the subject on one line without control characters, so a name cannot add a header', () => {
    const email = renderEmail('newsletter-welcome', 'en', {
      ...links,
      firstName: 'Jane\r\nBcc: victim@example.com\u0000',
    });
    expect(email.subject).toBe('Welcome to our newsletter, Jane Bcc: victim@example.com');
  });

  it('escapes every value of an internal template too', () => {
    const email = renderEmail('daily-digest', 'fr', {
      day: '2026-03-02',
      prospectCount: 1,
      leadCount: 0,
      prospects: [
        { name: '<b>Eve</b>', company: 'A&B', email: 'eve@example.com', score: 80, qualifiedBy: 'auto' },
      ],
      leads: [],
    });
    expect(email.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(email.html).toContain('A&amp;B');
    expect(email.subject).toBe('Résumé leadflow du 2026-03-02 : 1 nouveaux prospects, 0 nouveaux leads');
    expect(email.text).toContain('- <b>Eve</b> (A&B) <eve@example.com>, score 80, qualifié auto');
  });

  it('falls back to the first language an internal template exists in', () => {
    const english = {
      subject: 'Hello {{name}}',
      html: '<p>{{name}}</p>',
      text: '{{name}}',
      variables: ['name'],
    };
    const templates = { note: { audience: 'internal', locales: { en: english } } } as const;
    expect(renderEmail('note', 'fr', { name: 'Eve' }, templates).subject).toBe('Hello Eve');
  });

  it('refuses an unknown template', () => {
    expect(() => renderEmail('no-such-template', 'en', {})).toThrow(UnknownTemplateError);
  });

  it('renders every shipped template in every language it has', () => {
    for (const [name, entry] of Object.entries(COMPILED_TEMPLATES)) {
      for (const locale of Object.keys(entry.locales) as ('en' | 'fr')[]) {
        const email = renderEmail(name, locale, {
          ...links,
          firstName: 'Jane',
          confirmUrl: 'https://x.example',
        });
        expect(email.subject.length, `${name}.${locale}`).toBeGreaterThan(5);
        expect(email.html).not.toMatch(/{{|}}/);
        expect(email.text).not.toMatch(/{{|}}/);
      }
    }
  });
});
