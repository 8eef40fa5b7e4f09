import { describe, expect, it } from 'vitest';
import { renderEmail } from '#shared/nurture/render-email.ts';
import { TEMPLATES } from '#shared/nurture/templates.ts';

describe('renderEmail', () => {
  it.each(Object.keys(TEMPLATES))('renders %s with the person’s name in subject, HTML and text', (name) => {
    const email = renderEmail(name, { firstName: 'Jane', company: 'Acme' });
    expect(email.html).toContain('Jane');
    expect(email.text).toContain('Jane');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.text).not.toMatch(/<\w+/);
  });

  it('escapes HTML in personal fields, so a name cannot inject markup', () => {
    const email = renderEmail('newsletter-welcome', { firstName: '<script>alert(1)</script><a href="x">' });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href&#x3D;&quot;x&quot;&gt;');
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const email = renderEmail('newsletter-welcome', { firstName: 'Jane\r\nBcc: victim@example.com' });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses an unknown template', () => {
    expect(() => renderEmail('no-such-template', {})).toThrow(/Unknown email template/);
  });
});
