import * as z from 'zod/mini';
import { SECRETS } from '#shared/runtime/settings.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import { defineSignedSource, providerId as id, ignoredUnless, mappingRulesFor } from './form-source.ts';
import { requireBodyHmacSha256 } from './signature.ts';

export const TALLY_SECRET_NAME = SECRETS.webhookTally.name;

const tallyFieldSchema = z.object({
  key: z.string().check(z.maxLength(300)),
  label: z.nullish(z.string().check(z.maxLength(2000))),
  type: z.string(),
  value: z.unknown(),
  options: z.optional(z.array(z.object({ id: z.string(), text: z.string() }))),
});
type TallyField = z.infer<typeof tallyFieldSchema>;

/** The parts of a `FORM_RESPONSE` webhook leadflow reads; everything else is ignored. */
const tallyWebhookSchema = z.object({
  eventId: id,
  eventType: z.string(),
  createdAt: z.optional(z.string()),
  data: z.object({
    responseId: id,
    formId: id,
    createdAt: z.optional(z.string()),
    fields: z._default(z.array(tallyFieldSchema).check(z.maxLength(500)), []),
  }),
});

/**
 * Tally `FORM_RESPONSE` webhooks. Signature: `Tally-Signature: <base64 HMAC-SHA256 of the payload>`
 * keyed with the signing secret set on the webhook; the payload is the raw body as Tally sent it.
 * Fields map by key or label (configurable per form); choice ids become their option texts.
 */
export const tallySource = defineSignedSource({
  name: 'tally',
  secretName: TALLY_SECRET_NAME,
  authenticate: (request, secret) => requireBodyHmacSha256(request, secret, { header: 'Tally-Signature' }),
  payload: tallyWebhookSchema,
  describe: (payload) => ({
    deliveryId: payload.data.responseId,
    submittedAt: payload.data.createdAt ?? payload.createdAt,
    ignoredBecause: ignoredUnless(payload.eventType, 'FORM_RESPONSE', 'event type'),
  }),
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
    return draftSubmission(fields, mappingRulesFor(forms.tally, payload.data.formId));
  },
});

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
