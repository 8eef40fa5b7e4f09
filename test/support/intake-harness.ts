import { readFileSync } from 'node:fs';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { expect } from 'vitest';
import { createFormIntakeHandler } from '#functions/form-intake/form-intake.ts';
import { providerHeaders, type SignedSourceName } from '#infra/local/provider-signatures.ts';
import { parseFormsConfig } from '#shared/intake/forms-config.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { NOW } from './builders.ts';
import { InMemoryContactRepository } from './in-memory-contact-repository.ts';
import { RecordingPublisher } from './recording-publisher.ts';
import { type EventOptions, formPostEvent, lambdaContext, TEST_SECRET } from './signed-request.ts';

/** One secret per declared name, as a deployment would configure them. */
export const TEST_SECRETS: Readonly<Record<string, string>> = {
  WEBHOOK_SECRET_GENERIC: TEST_SECRET,
  WEBHOOK_SECRET_TYPEFORM: 'typeform-test-secret',
  WEBHOOK_SECRET_TALLY: 'tally-test-secret',
  WEBHOOK_SECRET_WEBFLOW: 'webflow-test-secret',
  VISITOR_TOKEN_SECRET: 'visitor-token-test-secret',
};

const SECRET_OF: Readonly<Record<SignedSourceName, string>> = {
  generic: 'WEBHOOK_SECRET_GENERIC',
  typeform: 'WEBHOOK_SECRET_TYPEFORM',
  tally: 'WEBHOOK_SECRET_TALLY',
  webflow: 'WEBHOOK_SECRET_WEBFLOW',
};

/** The forms configuration of the tests: the documented provider examples' forms, and two HTML forms. */
export const TEST_FORMS = parseFormsConfig({
  html: {
    forms: {
      demo: {
        formType: 'demo',
        allowedOrigins: ['https://www.acme-industries.com', 'https://*.acme-preview.com'],
        thankYouUrl: 'https://www.acme-industries.com/merci',
        consent: { field: 'consent', purpose: 'Product news by email', legalBasis: 'consent' },
      },
      newsletter: {
        formType: 'newsletter',
        allowedOrigins: ['https://blog.acme-industries.com'],
        thankYouUrl: 'https://blog.acme-industries.com/thanks',
        honeypotField: 'website',
      },
    },
  },
  typeform: {
    defaultFormType: 'detailed',
    forms: {
      lT4Z3j: {
        formType: 'webinar',
        fields: {
          readable_ref_short_text: 'firstName',
          '[readable_ref_long_text': 'answers.need',
          readable_ref_legal: 'consent',
        },
      },
    },
  },
  tally: { defaultFormType: 'detailed', forms: { VwbNEw: { formType: 'whitepaper' } } },
  webflow: { defaultFormType: 'contact', forms: { 'Contact Us': { formType: 'demo' } } },
});

/** A provider's documented example body, compacted as the provider sends it. */
export function providerFixture(name: string): string {
  const file = new URL(`../fixtures/providers/${name}.json`, import.meta.url);
  return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
}

/** A JSON body with one change made to it, for variants of a documented example. */
export function changedJson(body: string, change: (payload: any) => void): string {
  const payload = JSON.parse(body);
  change(payload);
  return JSON.stringify(payload);
}

export interface IntakeResponse {
  readonly status: number;
  readonly headers: Record<string, string | number | boolean>;
  readonly cookies: string[];
  readonly body: any;
}

/**
 * The form intake handler on in-memory fakes, driven as API Gateway would drive it: signed provider
 * posts, browser posts (base64-encoded, as HTTP APIs pass form bodies) and preflights.
 */
export class IntakeHarness {
  readonly contacts = new InMemoryContactRepository();
  readonly events = new RecordingPublisher();
  readonly secrets = new Map(Object.entries(TEST_SECRETS));
  now = NOW;
  private readonly handler = createFormIntakeHandler({
    contacts: this.contacts,
    events: this.events,
    clock: () => this.now,
    forms: TEST_FORMS,
    readSecret: async (name) => {
      const secret = this.secrets.get(name);
      if (!secret) throw new SecretNotConfiguredError(`${name} is not configured.`);
      return secret;
    },
  });

  async send(
    source: string,
    body: string | Buffer,
    headers: Record<string, string>,
    options: EventOptions = {},
  ): Promise<IntakeResponse> {
    const encoded = Buffer.isBuffer(body) || options.isBase64Encoded;
    const event = formPostEvent(source, encoded ? Buffer.from(body).toString('base64') : body, headers, {
      ...options,
      isBase64Encoded: Boolean(encoded),
    });
    const result = (await this.handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
    const text = String(result.body ?? '');
    const isJson = /json/.test(String(result.headers?.['content-type'] ?? ''));
    return {
      status: result.statusCode ?? 200,
      headers: result.headers ?? {},
      cookies: result.cookies ?? [],
      body: isJson ? JSON.parse(text) : text,
    };
  }

  /** The headers the provider would send with `body`, signed with the test secret unless told otherwise. */
  signedHeaders(
    source: SignedSourceName,
    body: string,
    options: { secret?: string; at?: Date; id?: string } = {},
  ): Record<string, string> {
    return providerHeaders(source, body, {
      secret: options.secret ?? TEST_SECRETS[SECRET_OF[source]] ?? '',
      at: options.at ?? (source === 'generic' ? new Date() : this.now),
      id: options.id,
    });
  }

  /** Posts a body signed as the provider signs it; `secret`, `at` and extra `headers` can be changed. */
  signed(
    source: SignedSourceName,
    body: string,
    options: { secret?: string; at?: Date; id?: string; headers?: Record<string, string> } = {},
  ): Promise<IntakeResponse> {
    return this.send(source, body, { ...this.signedHeaders(source, body, options), ...options.headers });
  }

  /** A browser posting a form from `origin` (as Origin) to `/forms/html?form=<formId>`. */
  browser(
    formId: string,
    body: string | Buffer,
    contentType: string,
    headers: Record<string, string> = { origin: 'https://www.acme-industries.com' },
  ): Promise<IntakeResponse> {
    return this.send(
      'html',
      Buffer.from(body),
      { 'content-type': contentType, ...headers },
      { query: { form: formId } },
    );
  }

  /** The single stored contact (fails if there is not exactly one). */
  onlyContact() {
    const stored = [...this.contacts.contacts.values()];
    expect(stored).toHaveLength(1);
    return stored[0] as NonNullable<(typeof stored)[number]>;
  }

  activities() {
    return [...this.contacts.activities.values()].flat();
  }

  expectNothingWritten(): void {
    expect(this.contacts.contacts.size).toBe(0);
    expect(this.events.published).toHaveLength(0);
  }
}

/** A problem+json answer with this status and type. */
export function expectProblem(response: IntakeResponse, status: number, slug: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.body).toMatchObject({ status, type: `urn:leadflow:problem:${slug}` });
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
}

/** The fields a 400 names, in order. */
export function errorFields(response: IntakeResponse): string[] {
  return (response.body.errors as { field: string }[]).map((error) => error.field).sort();
}
