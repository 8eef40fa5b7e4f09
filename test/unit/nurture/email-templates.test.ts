import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplates, TEMPLATES_DIR } from '#infra/email-templates/compile-templates.ts';
import { REQUIRED_CONTACT_LINKS } from '#shared/nurture/compiled-template.ts';
import { EMAIL_LOCALES } from '#shared/nurture/email-locale.ts';
import { COMPILED_TEMPLATES } from '#shared/nurture/templates.ts';

const scratch: string[] = [];
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of the real sources with one file added or replaced, to see the compiler refuse it. */
async function sourcesWith(file: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'leadflow-templates-'));
  scratch.push(dir);
  await cp(TEMPLATES_DIR, dir, { recursive: true });
  await writeFile(join(dir, file), content);
  return dir;
}

const page = (lang: string, body: string, footer = true) => `<mjml lang="${lang}">
  <mj-head><mj-title>Hello {{firstName}}</mj-title><mj-include path="../partials/head.mjml" /></mj-head>
  <mj-body><mj-section><mj-column><mj-text>${body}</mj-text></mj-column></mj-section>
  ${footer ? `<mj-include path="../partials/footer-${lang}.mjml" />` : ''}</mj-body>
</mjml>`;

describe('the compiled email templates', () => {
  it('are up to date with their MJML sources (run `npm run build:emails` after editing one)', async () => {
    expect(await compileTemplates()).toEqual(COMPILED_TEMPLATES);
  }, 60_000);

  const contactTemplates = Object.entries(COMPILED_TEMPLATES).filter(
    ([, entry]) => entry.audience === 'contact',
  );

  it.each(contactTemplates)(
    '%s exists in every language, with a subject and both links in HTML and text',
    (_, entry) => {
      for (const locale of EMAIL_LOCALES) {
        const compiled = entry.locales[locale];
        expect(compiled?.subject).toBeTruthy();
        for (const link of REQUIRED_CONTACT_LINKS) {
          expect(compiled?.html).toContain(`{{${link}}}`);
          expect(compiled?.text).toContain(`{{${link}}}`);
        }
        // Responsive: MJML's media queries and the viewport meta are there.
        expect(compiled?.html).toMatch(/<meta name="viewport"/);
        expect(compiled?.html).toMatch(/@media/);
      }
    },
  );

  it('keeps SES open and click tracking off the unsubscribe and preference links', () => {
    const html = COMPILED_TEMPLATES['newsletter-welcome']?.locales.en?.html ?? '';
    expect(html).toMatch(/<a ses:no-track href="{{unsubscribeUrl}}">/);
    expect(html).toMatch(/<a ses:no-track href="{{preferencesUrl}}">/);
  });
});

describe('compileTemplates refuses a template that could not ship safely', () => {
  it('refuses unescaped output', async () => {
    const dir = await sourcesWith('contact/raw.en.mjml', page('en', 'Hi {{{firstName}}}'));
    await expect(compileTemplates(dir)).rejects.toThrow(/contact\/raw\.en\.mjml.*unescaped output/);
  });

  it('refuses a variable nobody fills', async () => {
    const dir = await sourcesWith('contact/typo.en.mjml', page('en', 'Hi {{fristName}}'));
    await expect(compileTemplates(dir)).rejects.toThrow(/unknown variables fristName/);
  });

  it('refuses a contact email without the unsubscribe and preference links', async () => {
    const dir = await sourcesWith('contact/no-footer.en.mjml', page('en', 'Hi', false));
    await expect(compileTemplates(dir)).rejects.toThrow(/must link to \{\{unsubscribeUrl\}\}/);
  });

  it('refuses a contact template missing in one language', async () => {
    const dir = await sourcesWith('contact/english-only.en.mjml', page('en', 'Hi'));
    await expect(compileTemplates(dir)).rejects.toThrow(/contact\/english-only: missing in fr/);
  });

  it('refuses a placeholder MJML would silently drop', async () => {
    const dropped = page('en', 'Hi').replace('<mj-column>', '<mj-column>{{#if company}}');
    const dir = await sourcesWith(
      'internal/dropped.en.mjml',
      dropped.replace('</mj-column>', '{{/if}}</mj-column>'),
    );
    await expect(compileTemplates(dir)).rejects.toThrow(/MJML dropped \{\{#if company\}\}/);
  });

  it('refuses invalid MJML', async () => {
    const dir = await sourcesWith(
      'internal/broken.en.mjml',
      page('en', 'Hi').replace('<mj-text>', '<mj-text colour="red">'),
    );
    await expect(compileTemplates(dir)).rejects.toThrow(/internal\/broken\.en\.mjml/);
  });
});
