import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '#shared/runtime/logger.ts';
import { URLENCODED, urlEncoded } from '../../../support/browser-forms.ts';
import { errorFields, expectProblem, IntakeHarness } from '../../../support/intake-harness.ts';

const EMAIL = 'jane.doe@acme-industries.com';
const valid = { email: EMAIL, formType: 'contact', firstName: 'Jane', lastName: 'Doe' };
const json = (value: unknown) => JSON.stringify(value);

let intake: IntakeHarness;
let logged: unknown[][];

beforeEach(() => {
  intake = new IntakeHarness();
  logged = [];
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
});

afterEach(() => {
  // Whatever was refused, the log says why without a word of what was sent. (Not a bare "bcc": the
  // logged ids are hexadecimal hashes, which may hold those three letters.)
  const text = JSON.stringify(logged);
  expect(text).not.toMatch(/jane|doe|acme-industries|bcc:|victim/i);
  vi.restoreAllMocks();
});

describe('bad input: each answers a clear 4xx as problem+json and writes nothing', () => {
  it('malformed JSON', async () => {
    expectProblem(await intake.signed('generic', '{"email": "jane.doe@acme'), 400, 'malformed-json');
    intake.expectNothingWritten();
  });

  it('wrong content type', async () => {
    const body = json(valid);
    const headers = { ...intake.signedHeaders('generic', body), 'content-type': 'text/plain' };
    expectProblem(await intake.send('generic', body, headers), 415, 'unsupported-media-type');
    const browser = await intake.browser('demo', urlEncoded({ email: EMAIL }), 'text/plain');
    expectProblem(browser, 415, 'unsupported-media-type');
    intake.expectNothingWritten();
  });

  it('empty body', async () => {
    expectProblem(await intake.signed('generic', ''), 400, 'empty-body');
    expectProblem(await intake.browser('demo', '', URLENCODED), 400, 'empty-body');
    intake.expectNothingWritten();
  });

  it('a body over 256 KB (413)', async () => {
    const body = json({ ...valid, padding: 'x'.repeat(256 * 1024) });
    expectProblem(await intake.signed('generic', body), 413, 'body-too-large');
    intake.expectNothingWritten();
  });

  it('unknown source (404)', async () => {
    const body = json(valid);
    const response = await intake.send('hubspot', body, intake.signedHeaders('generic', body));
    expectProblem(response, 404, 'unknown-source');
    expect(response.body.detail).toContain('generic, typeform, tally, webflow, html');
    intake.expectNothingWritten();
  });

  it('missing email', async () => {
    const { email: _missing, ...withoutEmail } = valid;
    const response = await intake.signed('generic', json(withoutEmail));
    expectProblem(response, 400, 'invalid-body');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    intake.expectNothingWritten();
  });

  it('CR/LF or control characters in names', async () => {
    const response = await intake.signed(
      'generic',
      json({ ...valid, firstName: 'Jane\r\nBcc: victim@example.com', lastName: 'Doe\u0000' }),
    );
    expectProblem(response, 400, 'invalid-body');
    expect(errorFields(response)).toEqual(['firstName', 'lastName']);
    intake.expectNothingWritten();
  });

  it('fields over sane lengths', async () => {
    const response = await intake.browser(
      'demo',
      urlEncoded({ email: EMAIL, first_name: 'J'.repeat(101), company: 'A'.repeat(201) }),
      URLENCODED,
    );
    expectProblem(response, 400, 'invalid-body');
    expect(errorFields(response)).toEqual(['company', 'firstName']);
    intake.expectNothingWritten();
  });

  it('an invalid address (422 with the reason)', async () => {
    const response = await intake.signed('generic', json({ ...valid, email: 'jane.doe@localhost' }));
    expectProblem(response, 422, 'invalid-email');
    expect(response.body.errors).toEqual([{ field: 'email', message: expect.stringMatching(/valid/) }]);
    intake.expectNothingWritten();
  });

  it('a multipart body without its boundary', async () => {
    const response = await intake.browser('demo', '--x\r\n', 'multipart/form-data');
    expectProblem(response, 400, 'malformed-body');
    intake.expectNothingWritten();
  });

  it('too many fields', async () => {
    const fields = Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`field${index}`, 'x']));
    const response = await intake.browser('demo', urlEncoded({ ...fields, email: EMAIL }), URLENCODED);
    expectProblem(response, 400, 'too-many-fields');
    intake.expectNothingWritten();
  });
});

describe('unknown fields', () => {
  it('are ignored and never stored, whatever the source', async () => {
    const generic = `${JSON.stringify({ ...valid, notes: 'SECRET-NOTE', ssn: '123-45-6789' }).slice(0, -1)},"__proto__":{"polluted":true}}`;
    await intake.signed('generic', generic);
    const browser = `${urlEncoded({ email: 'ada@lovelace.dev', notes: 'SECRET-NOTE' })}&__proto__=polluted&constructor=polluted`;
    await intake.browser('demo', browser, URLENCODED);
    const stored = JSON.stringify([...intake.contacts.contacts.values(), intake.activities()]);
    expect(intake.contacts.contacts.size).toBe(2);
    expect(stored).not.toMatch(/SECRET-NOTE|123-45-6789|polluted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
