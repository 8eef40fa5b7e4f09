import { z } from 'zod';
import { utmFromUrl } from '#shared/activity/utm.ts';
import { parseBody, parseJson } from '#shared/http/request.ts';
import { settingsOf } from '../forms-config.ts';
import { draftSubmission, type SubmittedField } from '../mapping/submission-draft.ts';
import type { SignedFormSource } from './form-source.ts';
import { invalidSignature, matchesHmacSha256, withinReplayWindow } from './signature.ts';

export const WEBFLOW_SECRET_NAME = 'WEBHOOK_SECRET_WEBFLOW';

const id = z.string().min(1).max(200);

/** The parts of a `form_submission` webhook leadflow reads; everything else is ignored. */
const webflowWebhookSchema = z.object({
  triggerType: z.string(),
  payload: z.object({
    name: z.string().max(200).optional(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    submittedAt: z.string().optional(),
    id,
    formId: z.string().max(200).optional(),
    pageUrl: z.string().max(2000).optional(),
  }),
});
export type WebflowWebhook = z.infer<typeof webflowWebhookSchema>;

/**
 * Webflow `form_submission` webhooks. Signature: `x-webflow-signature: <hex HMAC-SHA256 of
 * "<x-webflow-timestamp>:<raw body>">`, the timestamp in milliseconds and refused outside a 5-minute
 * window. Fields map by their name in the Designer; forms are configured by form id or form name.
 */
export const webflowSource: SignedFormSource<WebflowWebhook> = {
  name: 'webflow',
  secretName: WEBFLOW_SECRET_NAME,
  verify(request, secret, now) {
    const timestamp = request.headers['x-webflow-timestamp'] ?? '';
    const signature = request.headers['x-webflow-signature'] ?? '';
    if (!/^\d{1,16}$/.test(timestamp) || signature === '') {
      throw invalidSignature(
        'The x-webflow-timestamp or x-webflow-signature header is missing or malformed.',
      );
    }
    if (!matchesHmacSha256(secret, [`${timestamp}:`, request.body], Buffer.from(signature, 'hex'))) {
      throw invalidSignature('The x-webflow-signature does not match the body and the configured secret.');
    }
    if (!withinReplayWindow(Number(timestamp), now)) {
      throw invalidSignature(
        'The x-webflow-timestamp is more than 5 minutes away from now: a replay is refused.',
      );
    }
    const payload = parseBody(webflowWebhookSchema, parseJson(request.body.toString('utf8')));
    return {
      deliveryId: payload.payload.id,
      payload,
      submittedAt: payload.payload.submittedAt,
      ignoredBecause:
        payload.triggerType === 'form_submission' ? undefined : `trigger ${payload.triggerType.slice(0, 50)}`,
    };
  },
  map({ payload }, forms) {
    const settings = forms.webflow;
    const fields = Object.entries(payload.data).map(
      ([name, value]): SubmittedField => ({ names: [name], value, label: name }),
    );
    return draftSubmission(
      fields,
      {
        form: settingsOf(settings.forms, payload.formId) ?? settingsOf(settings.forms, payload.name),
        defaultFormType: settings.defaultFormType,
      },
      { utm: utmFromUrl(payload.pageUrl) },
    );
  },
};
