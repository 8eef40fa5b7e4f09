import { describe, expect, it } from 'vitest';
import { parseStageConfig } from '#infra/cdk/config/load-stage-config.ts';
import { defaultFormsConfig } from '#shared/intake/default-forms.ts';
import { formSitesSchema, formsConfigWithSites } from '#shared/intake/forms-config.ts';

const site = { allowedOrigins: ['https://www.example.com'], thankYouUrl: 'https://www.example.com/thanks' };
const sites = (html: Record<string, unknown>, track: string[] = []) =>
  formSitesSchema.parse({ html, track: { allowedOrigins: track } });

describe("the HTML forms' sites from the stage configuration", () => {
  it("put each form's allowed origins and thank-you page into the forms file's form", () => {
    const config = formsConfigWithSites(
      defaultFormsConfig,
      sites({ contact: site }, ['https://docs.example.com']),
    );
    expect(config.html.forms.contact).toMatchObject({
      ...site,
      honeypotField: '_gotcha',
      formType: 'contact',
    });
    expect(config.track.allowedOrigins).toEqual(['https://docs.example.com']);
  });

  it('stop the cold start for a form the stage does not place, naming it', () => {
    expect(() => formsConfigWithSites(defaultFormsConfig, sites({}))).toThrow(
      /HTML form "contact" has no allowed/,
    );
  });

  it('stop the cold start for a form the forms file does not declare, naming it', () => {
    expect(() => formsConfigWithSites(defaultFormsConfig, sites({ contact: site, quote: site }))).toThrow(
      /places the HTML form "quote"/,
    );
  });

  it('are checked when the stage configuration loads, with the path of a bad origin', () => {
    const stage = {
      mail: { from: 'leads@customer.test' },
      forms: { html: { contact: { ...site, allowedOrigins: ['https://www.example.com/form'] } } },
    };
    expect(() => parseStageConfig('dev', stage)).toThrow(/forms\.html\.contact\.allowedOrigins\[0\]/);
    expect(parseStageConfig('dev', { mail: stage.mail }).forms).toEqual(sites({}));
  });
});
