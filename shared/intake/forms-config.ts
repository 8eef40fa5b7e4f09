import * as z from 'zod/mini';
import { formTypeSchema } from '#events/vocabulary/activity-type.ts';
import { ANSWER_READINGS, LEGAL_BASES } from '#shared/contact/contact.ts';
import '#shared/runtime/validation-messages.ts';
import { CANONICAL_FIELDS } from './mapping/field-names.ts';

/** Where a provider's field goes: a canonical contact field, or nowhere (`ignore`). */
export const fieldTargetSchema = z.enum([...CANONICAL_FIELDS, 'ignore']);
export type FieldTarget = z.infer<typeof fieldTargetSchema>;

/** `https://www.example.com`, `http://localhost:8080`, or every subdomain: `https://*.example.com`. */
const originPatternSchema = z
  .string()
  .check(
    z.regex(
      /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/,
      'must be an origin such as https://www.example.com or https://*.example.com (lower case, no path)',
    ),
  );

const consentSettingsSchema = z.object({
  /**
   * The field holding the consent checkbox. When set, consent is recorded on every submission of the
   * form, as refused when the box was left unticked (browsers do not send unticked boxes).
   */
  field: z.optional(z.string().check(z.minLength(1))),
  /** What the person agrees to, as the form says it; defaults to the field's label when it has one. */
  purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  legalBasis: z._default(z.enum(LEGAL_BASES), 'consent'),
});

/** How one form's fields become a contact: per-form mapping, form type and consent wording. */
const formSettingsSchema = z.object({
  /** The kind of form; a `form_type` field in the submission wins over it. */
  formType: z.optional(formTypeSchema),
  /** Provider field (key, ref, name or label, as the source identifies it) → contact field. */
  fields: z._default(z.record(z.string().check(z.minLength(1)), fieldTargetSchema), {}),
  consent: z.optional(consentSettingsSchema),
  /**
   * How the form's picklist options read, per answer: `{"budget": {"Under 5k": "disqualifying",
   * "5k-50k": "qualifying", "Not sure yet": "unknown"}}`. Matched on the option's text, case and
   * surrounding spaces aside; an answer that is no listed option is read by the scoring model.
   */
  answerOptions: z.optional(
    z.partialRecord(
      z.enum(['budget', 'authority', 'need', 'timeline']),
      z.record(z.string().check(z.minLength(1)), z.enum(ANSWER_READINGS)),
    ),
  ),
});
export type FormSettings = z.infer<typeof formSettingsSchema>;

/** A plain HTML form also says who may post it and where the visitor goes afterwards. */
const htmlFormSettingsSchema = z.extend(formSettingsSchema, {
  /** Pages allowed to post this form, checked on Origin (else Referer); also the CORS allowlist. */
  allowedOrigins: z.array(originPatternSchema).check(z.minLength(1)),
  /** Where a browser is sent (303) after a successful post. */
  thankYouUrl: z.url({ protocol: /^https?$/ }),
  /** A field hidden from people; a bot that fills it is answered as if accepted, and nothing is stored. */
  honeypotField: z._default(z.string().check(z.minLength(1)), '_gotcha'),
});
export type HtmlFormSettings = z.infer<typeof htmlFormSettingsSchema>;

const providerSourceSchema = z.object({
  /** The form type of a form that is not listed below and carries no `form_type` field. */
  defaultFormType: z._default(formTypeSchema, 'contact'),
  /** Settings by the provider's form id (Webflow: form id or form name). */
  forms: z._default(z.record(z.string().check(z.minLength(1)), formSettingsSchema), {}),
});
export type ProviderSourceSettings = z.infer<typeof providerSourceSchema>;

/**
 * The forms configuration: validated when it loads, so a typo is refused at deploy time with the
 * exact path, instead of silently dropping a field of every lead.
 */
export const formsConfigSchema = z.object({
  html: z.object({
    forms: z._default(z.record(z.string().check(z.regex(/^[\w-]{1,64}$/)), htmlFormSettingsSchema), {}),
  }),
  typeform: z._default(providerSourceSchema, { defaultFormType: 'contact', forms: {} }),
  tally: z._default(providerSourceSchema, { defaultFormType: 'contact', forms: {} }),
  webflow: z._default(providerSourceSchema, { defaultFormType: 'contact', forms: {} }),
  /** Pages allowed to send the `/track` beacon, besides every HTML form's allowed origins. */
  track: z._default(z.object({ allowedOrigins: z._default(z.array(originPatternSchema), []) }), {
    allowedOrigins: [],
  }),
});
export type FormsConfig = z.infer<typeof formsConfigSchema>;

/** A form id as `?form=` names it and the files key it. */
const formIdSchema = z.string().check(z.regex(/^[\w-]{1,64}$/));

/**
 * Where the HTML forms are embedded, per stage: who may post each form and where its visitors go
 * next, and which other pages may send the beacon. These differ between a developer's machine and
 * production, so they live in the stage configuration (`forms` in infra/cdk/config/<stage>.json),
 * not in shared/intake/forms.json, and reach the functions as a setting.
 */
export const formSitesSchema = z.object({
  html: z._default(
    z.record(formIdSchema, z.pick(htmlFormSettingsSchema, { allowedOrigins: true, thankYouUrl: true })),
    {},
  ),
  track: z._default(z.object({ allowedOrigins: z._default(z.array(originPatternSchema), []) }), {
    allowedOrigins: [],
  }),
});
export type FormSites = z.infer<typeof formSitesSchema>;

/** shared/intake/forms.json: every form but where it is embedded (see {@link formSitesSchema}). */
export const formsFileSchema = z.object({
  html: z.object({
    forms: z._default(
      z.record(formIdSchema, z.omit(htmlFormSettingsSchema, { allowedOrigins: true, thankYouUrl: true })),
      {},
    ),
  }),
  typeform: formsConfigSchema.shape.typeform,
  tally: formsConfigSchema.shape.tally,
  webflow: formsConfigSchema.shape.webflow,
});
export type FormsFile = z.infer<typeof formsFileSchema>;

/**
 * The forms configuration a function runs: the forms file with the stage's sites put in. A form
 * placed by the stage but missing from the file, or the reverse, stops the cold start by name.
 */
export function formsConfigWithSites(file: FormsFile, sites: FormSites): FormsConfig {
  for (const formId of Object.keys(sites.html)) {
    if (!Object.hasOwn(file.html.forms, formId)) {
      throw new Error(
        `The stage configuration places the HTML form "${formId}", which shared/intake/forms.json does not declare.`,
      );
    }
  }
  const forms = Object.fromEntries(
    Object.entries(file.html.forms).map(([formId, form]) => {
      const site = settingsOf(sites.html, formId);
      if (!site) {
        throw new Error(
          `The HTML form "${formId}" has no allowed origins and thank-you page: add it to \`forms.html\` of the stage configuration.`,
        );
      }
      return [formId, { ...form, ...site }];
    }),
  );
  return parseFormsConfig({ ...file, html: { forms }, track: sites.track });
}

/** Parses a configuration, or throws one error that names every invalid path (zod's own report). */
export function parseFormsConfig(input: unknown): FormsConfig {
  const result = formsConfigSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid forms configuration:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The settings of one form by its id, or undefined: own keys only, so a form id such as `__proto__`
 * (ids come from requests and payloads) never reaches Object.prototype.
 */
export function settingsOf<Settings>(
  forms: Readonly<Record<string, Settings>>,
  formId: string | undefined,
): Settings | undefined {
  return formId !== undefined && Object.hasOwn(forms, formId) ? forms[formId] : undefined;
}

/** Every origin the website may call leadflow from: the HTML forms' and the beacon's. */
export function trackingOrigins(config: FormsConfig): string[] {
  return [
    ...new Set([
      ...Object.values(config.html.forms).flatMap((form) => form.allowedOrigins),
      ...config.track.allowedOrigins,
    ]),
  ];
}
