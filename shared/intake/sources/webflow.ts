import * as z from 'zod/mini';
import { utmFromUrl } from '#shared/activity/utm.ts';
import { SECRETS } from '#shared/runtime/settings.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import { defineSignedSource, providerId as id, ignoredUnless, mappingRulesFor } from './form-source.ts';
import { invalidSignature, requireHmacSha256, withinReplayWindow } from './signature.ts';

export const WEBFLOW_SECRET_NAME = SECRETS.webhookWebflow.name;

/** The parts of a `form_submission` webhook leadflow reads; everything else is ignored. */
const webflowWebhookSchema = z.object({
  triggerType: z.string(),
  payload: z.object({
    name: z.optional(z.string().check(z.maxLength(200))),
    data: z._default(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), {}),
    submittedAt: z.optional(z.string()),
    id,
    formId: z.optional(z.string().check(z.maxLength(200))),
    pageUrl: z.optional(z.string().check(z.maxLength(2000))),
  }),
});

/**
 * Webflow `form_submission` webhooks. Signature: `x-webflow-signature: <hex HMAC-SHA256 of
 * "<x-webflow-timestamp>:<raw body>">`, the timestamp in milliseconds and refused outside a 5-minute
 * window. Fields map by their name in the Designer; forms are configured by form id or form name.
 */
export const webflowSource = defineSignedSource({
  name: 'webflow',
  secretName: WEBFLOW_SECRET_NAME,
  authenticate(request, secret, now) {
    const timestamp = request.headers['x-webflow-timestamp'] ?? '';
    const signature = request.headers['x-webflow-signature'] ?? '';
    if (!/^\d{1,16}$/.test(timestamp) || signature === '') {
      throw invalidSignature(
        'The x-webflow-timestamp or x-webflow-signature header is missing or malformed.',
      );
    }
    requireHmacSha256(
      secret,
      [`${timestamp}:`, request.body],
      Buffer.from(signature, 'hex'),
      'x-webflow-signature',
    );
    if (!withinReplayWindow(Number(timestamp), now)) {
      throw invalidSignature(
        'The x-webflow-timestamp is more than 5 minutes away from now: a replay is refused.',
      );
    }
  },
  payload: webflowWebhookSchema,
  describe: ({ triggerType, payload }) => ({
    deliveryId: payload.id,
    submittedAt: payload.submittedAt,
    ignoredBecause: ignoredUnless(triggerType, 'form_submission', 'trigger'),
  }),
  map({ payload }, forms) {
    const fields = Object.entries(payload.data).map(
      ([name, value]): SubmittedField => ({ names: [name], value, label: name }),
    );
    return draftSubmission(fields, mappingRulesFor(forms.webflow, payload.formId, payload.name), {
      utm: utmFromUrl(payload.pageUrl),
    });
  },
});
