import { z } from 'zod';
import { parseBody, parseJson } from '#shared/http/request.ts';
import { settingsOf } from '../forms-config.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import type { SignedFormSource } from './form-source.ts';
import { invalidSignature, matchesHmacSha256 } from './signature.ts';

export const TYPEFORM_SECRET_NAME = 'WEBHOOK_SECRET_TYPEFORM';

const id = z.string().min(1).max(200);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The parts of a `form_response` webhook leadflow reads; everything else is ignored. */
const answerSchema = z.object({
  type: z.string(),
  field: z.object({ id, ref: z.string().optional() }),
  text: z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  url: z.string().optional(),
  date: z.string().optional(),
  number: z.number().optional(),
  boolean: z.boolean().optional(),
  choice: z.object({ label: z.string().optional(), other: z.string().optional() }).optional(),
  choices: z.object({ labels: z.array(z.string()).optional(), other: z.string().optional() }).optional(),
});
type TypeformAnswer = z.infer<typeof answerSchema>;

const typeformWebhookSchema = z.object({
  event_id: id,
  event_type: z.string(),
  form_response: z.object({
    form_id: id,
    token: id,
    submitted_at: z.string().optional(),
    hidden: z.record(z.string(), scalar).optional(),
    definition: z
      .object({
        fields: z
          .array(z.object({ id, ref: z.string().optional(), title: z.string().optional() }))
          .default([]),
      })
      .optional(),
    answers: z.array(answerSchema).max(500).default([]),
  }),
});
export type TypeformWebhook = z.infer<typeof typeformWebhookSchema>;

/**
 * Typeform `form_response` webhooks. Signature: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of
 * the raw body>`, keyed with the secret set on the webhook; Typeform signs no timestamp, so there is
 * no replay window, and idempotency on the response token absorbs replays. Answers map by field ref
 * (configurable per form), hidden fields (utm_*, form_type…) by name.
 */
export const typeformSource: SignedFormSource<TypeformWebhook> = {
  name: 'typeform',
  secretName: TYPEFORM_SECRET_NAME,
  verify(request, secret) {
    const header = request.headers['typeform-signature'] ?? '';
    if (!header.startsWith('sha256=')) {
      throw invalidSignature('The Typeform-Signature header is missing or not of the form sha256=<base64>.');
    }
    if (!matchesHmacSha256(secret, [request.body], Buffer.from(header.slice(7), 'base64'))) {
      throw invalidSignature('The Typeform-Signature does not match the body and the configured secret.');
    }
    const payload = parseBody(typeformWebhookSchema, parseJson(request.body.toString('utf8')));
    return {
      deliveryId: payload.form_response.token,
      payload,
      submittedAt: payload.form_response.submitted_at,
      ignoredBecause:
        payload.event_type === 'form_response' ? undefined : `event type ${payload.event_type.slice(0, 50)}`,
    };
  },
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
    return draftSubmission([...answers, ...hidden], {
      form: settingsOf(forms.typeform.forms, response.form_id),
      defaultFormType: forms.typeform.defaultFormType,
    });
  },
};

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
