import { describe, expect, it } from 'vitest';
import { defaultFormsConfig } from '#shared/intake/default-forms.ts';
import { parseFormsConfig, trackingOrigins } from '#shared/intake/forms-config.ts';

const htmlForm = {
  allowedOrigins: ['https://www.example.com'],
  thankYouUrl: 'https://www.example.com/thanks',
};

describe('the forms configuration', () => {
  it('ships valid, with an example HTML form and a default form type per tool', () => {
    expect(defaultFormsConfig.html.forms.contact).toMatchObject({ honeypotField: '_gotcha' });
    expect(defaultFormsConfig.typeform.defaultFormType).toBe('detailed');
  });

  it('fills in defaults: honeypot field, default form type, empty mappings', () => {
    const config = parseFormsConfig({ html: { forms: { demo: htmlForm } } });
    expect(config.html.forms.demo).toMatchObject({ honeypotField: '_gotcha', fields: {} });
    expect(config.tally).toEqual({ defaultFormType: 'contact', forms: {} });
  });

  it('refuses a typo with the exact path of each mistake', () => {
    const attempt = () =>
      parseFormsConfig({
        html: { forms: { demo: { ...htmlForm, allowedOrigins: ['https://www.example.com/contact'] } } },
        typeform: { forms: { abc: { fields: { my_ref: 'emial' }, formType: 'brochure' } } },
      });
    expect(attempt).toThrow(/html\.forms\.demo\.allowedOrigins\[0\]/);
    expect(attempt).toThrow(/typeform\.forms\.abc\.fields\.my_ref/);
    expect(attempt).toThrow(/typeform\.forms\.abc\.formType/);
  });

  it('refuses an HTML form nobody may post, or with nowhere to send the visitor', () => {
    expect(() =>
      parseFormsConfig({ html: { forms: { demo: { ...htmlForm, allowedOrigins: [] } } } }),
    ).toThrow(/allowedOrigins/);
    expect(() =>
      parseFormsConfig({ html: { forms: { demo: { ...htmlForm, thankYouUrl: 'javascript:alert(1)' } } } }),
    ).toThrow(/thankYouUrl/);
  });

  it("lets the beacon come from every HTML form's origins and the extra ones listed", () => {
    const config = parseFormsConfig({
      html: { forms: { a: htmlForm, b: { ...htmlForm, allowedOrigins: ['https://*.example.org'] } } },
      track: { allowedOrigins: ['https://docs.example.com'] },
    });
    expect(trackingOrigins(config).sort()).toEqual([
      'https://*.example.org',
      'https://docs.example.com',
      'https://www.example.com',
    ]);
  });
});
