import { z } from 'zod';
import { parseBody, parseJson } from '#shared/http/request.ts';
import { settingsOf } from '../forms-config.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import type { SignedFormSource } from './form-source.ts';
import { invalidSignature, matchesHmacSha256 } from './signature.ts';

export const TALLY_SECRET_NAME = 'WEBHOOK_SECRET_TALLY';

const id = z.string().min(1).max(200);

const tallyFieldSchema = z.object({
  key: z.string().max(300),
  label: z.string().max(2000).nullish(),
  type: z.string(),
  value: z.unknown(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
});
type TallyField = z.infer<typeof tallyFieldSchema>;

/** The parts of a `FORM_RESPONSE` webhook leadflow reads; everything else is ignored. */
const tallyWebhookSchema = z.object({
  eventId: id,
  eventType: z.string(),
  createdAt: z.string().optional(),
  data: z.object({
    responseId: id,
    formId: id,
    createdAt: z.string().optional(),
    fields: z.array(tallyFieldSchema).max(500).default([]),
  }),
});
export type TallyWebhook = z.infer<typeof tallyWebhookSchema>;

/**
 * Tally `FORM_RESPONSE` webhooks. Signature: `Tally-Signature: <base64 HMAC-SHA256 of the payload>`
 * keyed with the signing secret set on the webhook; the payload is the raw body as Tally sent it.
 * Fields map by key or label (configurable per form); choice ids become their option texts.
 */
export const tallySource: SignedFormSource<TallyWebhook> = {
  name: 'tally',
  secretName: TALLY_SECRET_NAME,
  verify(request, secret) {
    const header = request.headers['tally-signature'] ?? '';
    if (header === '') throw invalidSignature('The Tally-Signature header is missing.');
    if (!matchesHmacSha256(secret, [request.body], Buffer.from(header, 'base64'))) {
      throw invalidSignature('The Tally-Signature does not match the body and the configured secret.');
    }
    const payload = parseBody(tallyWebhookSchema, parseJson(request.body.toString('utf8')));
    return {
      deliveryId: payload.data.responseId,
      payload,
      submittedAt: payload.data.createdAt ?? payload.createdAt,
      ignoredBecause:
        payload.eventType === 'FORM_RESPONSE' ? undefined : `event type ${payload.eventType.slice(0, 50)}`,
    };
  },
  map(payload, forms) {
    const fields = payload.data.fields.map(
      (field): SubmittedField => ({
        names: [field.key, field.label ?? ''].filter((name) => name !== ''),
        value: fieldValue(field),
        label: field.label ?? undefined,
        kind:
          field.type === 'INPUT_EMAIL' ? 'email' : field.type === 'INPUT_PHONE_NUMBER' ? 'phone' : undefined,
      }),
    );
    return draftSubmission(fields, {
      form: settingsOf(forms.tally.forms, payload.data.formId),
      defaultFormType: forms.tally.defaultFormType,
    });
  },
};

/** Text, numbers and booleans as they are; choice ids as their texts; files, matrices and the like not at all. */
function fieldValue(field: TallyField): SubmittedField['value'] {
  const { value } = field;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const texts = new Map((field.options ?? []).map((option) => [option.id, option.text]));
    return value.map((item) => texts.get(item) ?? item);
  }
  return null;
}
