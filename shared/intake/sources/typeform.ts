import * as z from 'zod/mini';
import { SECRETS } from '#shared/runtime/settings.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import { defineSignedSource, providerId as id, ignoredUnless, mappingRulesFor } from './form-source.ts';
import { requireBodyHmacSha256 } from './signature.ts';

export const TYPEFORM_SECRET_NAME = SECRETS.webhookTypeform.name;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The parts of a `form_response` webhook leadflow reads; everything else is ignored. */
const answerSchema = z.object({
  type: z.string(),
  field: z.object({ id, ref: z.optional(z.string()) }),
  text: z.optional(z.string()),
  email: z.optional(z.string()),
  phone_number: z.optional(z.string()),
  url: z.optional(z.string()),
  date: z.optional(z.string()),
  number: z.optional(z.number()),
  boolean: z.optional(z.boolean()),
  choice: z.optional(z.object({ label: z.optional(z.string()), other: z.optional(z.string()) })),
  choices: z.optional(z.object({ labels: z.optional(z.array(z.string())), other: z.optional(z.string()) })),
});
type TypeformAnswer = z.infer<typeof answerSchema>;

const typeformWebhookSchema = z.object({
  event_id: id,
  event_type: z.string(),
  form_response: z.object({
    form_id: id,
    token: id,
    submitted_at: z.optional(z.string()),
    hidden: z.optional(z.record(z.string(), scalar)),
    definition: z.optional(
      z.object({
        fields: z._default(
          z.array(z.object({ id, ref: z.optional(z.string()), title: z.optional(z.string()) })),
          [],
        ),
      }),
    ),
    answers: z._default(z.array(answerSchema).check(z.maxLength(500)), []),
  }),
});

/**
 * Typeform `form_response` webhooks. Signature: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of
 * the raw body>`, keyed with the secret set on the webhook; Typeform signs no timestamp, so there is
 * no replay window, and idempotency on the response token absorbs replays. Answers map by field ref
 * (configurable per form), hidden fields (utm_*, form_type…) by name.
 */
export const typeformSource = defineSignedSource({
  name: 'typeform',
  secretName: TYPEFORM_SECRET_NAME,
  authenticate: (request, secret) =>
    requireBodyHmacSha256(request, secret, { header: 'Typeform-Signature', prefix: 'sha256=' }),
  payload: typeformWebhookSchema,
  describe: (payload) => ({
    deliveryId: payload.form_response.token,
    submittedAt: payload.form_response.submitted_at,
    ignoredBecause: ignoredUnless(payload.event_type, 'form_response', 'event type'),
  }),
  map(payload, forms) {
    const response = payload.form_response;
    const definitions = new Map((response.definition?.fields ?? []).map((field) => [field.id, field]));
    const answers = response.answers.map((answer): SubmittedField => {
      const definition = definitions.get(answer.field.id);
      const ref = answer.field.ref ?? definition?.ref;
      return {
        names: [ref, answer.field.id, definition?.title].filter((name) => name !== undefined),
        value: answerValue(answer),
        label: definition?.title,
        kind: answer.type === 'email' ? 'email' : answer.type === 'phone_number' ? 'phone' : undefined,
      };
    });
    const hidden = Object.entries(response.hidden ?? {}).map(
      ([name, value]): SubmittedField => ({ names: [name], value }),
    );
    return draftSubmission([...answers, ...hidden], mappingRulesFor(forms.typeform, response.form_id));
  },
});

function answerValue(answer: TypeformAnswer): SubmittedField['value'] {
  switch (answer.type) {
    case 'choice':
      return answer.choice?.label ?? answer.choice?.other ?? null;
    case 'choices':
      return [...(answer.choices?.labels ?? []), ...(answer.choices?.other ? [answer.choices.other] : [])];
    default:
      return (
        answer.text ??
        answer.email ??
        answer.phone_number ??
        answer.url ??
        answer.date ??
        answer.number ??
        answer.boolean ??
        null
      );
  }
}
