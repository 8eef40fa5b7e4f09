import Handlebars from 'handlebars';
import type { DetailOf } from '#events/contract.ts';
import type { leadReviewRequested } from '#events/lead-review-requested.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import { ANSWER_KEYS } from '#events/vocabulary/score.ts';
import type { RenderedEmail } from '#shared/nurture/render-email.ts';

export type SalesNotice =
  | { readonly kind: 'review-requested'; readonly detail: DetailOf<typeof leadReviewRequested> }
  | { readonly kind: 'prospect-qualified'; readonly detail: DetailOf<typeof prospectQualified> };

/**
 * Internal emails to sales and marketing. `{{…}}` escapes HTML in the html part; the text part and
 * the subject are built from values intake keeps free of control characters.
 */
const SOURCES = {
  'review-requested': {
    subject: 'Review requested: {{who}} — score {{score.total}}, grade {{score.grade}}',
    intro: 'A lead is waiting for your review: {{reason}}.',
    action:
      'Accept, reject or disqualify it with POST {{baseUrl}}/admin/reviews/{{contact.contactId}} (see the review API in the README).',
  },
  'prospect-qualified': {
    subject: 'Prospect qualified: {{who}} — score {{score.total}}, grade {{score.grade}}',
    intro: 'A new prospect was handed to sales ({{by}}): {{reason}}.',
    action: 'Hand-off id (the CRM idempotency key): {{handOffId}}.',
  },
} as const;

const TEXT = `{{intro}}

{{who}} <{{contact.email}}>
{{#each profile}}{{label}}: {{value}}
{{/each}}
Score {{score.total}} (fit {{score.fit}}, engagement {{score.engagement}}, qualification {{score.qualification}}), grade {{score.grade}}, model {{score.modelVersion}}
{{#each score.breakdown}}  {{points}}  {{reason}} ({{rule}})
{{/each}}
Answers: {{#if answers.length}}{{#each answers}}{{key}}: {{value}}{{#unless @last}}; {{/unless}}{{/each}}{{else}}none yet{{/if}}

{{action}}
Full history: {{baseUrl}}/admin/contacts?email={{emailParam}}`;

const HTML = `<!doctype html><html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<p>{{intro}}</p>
<p><strong>{{who}}</strong> &lt;{{contact.email}}&gt;<br>{{#each profile}}{{label}}: {{value}}<br>{{/each}}</p>
<p>Score <strong>{{score.total}}</strong> (fit {{score.fit}}, engagement {{score.engagement}}, qualification {{score.qualification}}), grade <strong>{{score.grade}}</strong>, model {{score.modelVersion}}</p>
<table cellpadding="4" style="border-collapse:collapse">{{#each score.breakdown}}<tr><td align="right">{{points}}</td><td>{{reason}}</td><td style="color:#7b8794">{{rule}}</td></tr>{{/each}}</table>
<p>Answers: {{#if answers.length}}{{#each answers}}{{key}}: {{value}}{{#unless @last}}; {{/unless}}{{/each}}{{else}}none yet{{/if}}</p>
<p>{{action}}<br>Full history: <a href="{{baseUrl}}/admin/contacts?email={{emailParam}}">{{baseUrl}}/admin/contacts?email={{emailParam}}</a></p>
</body></html>`;

type Template = (data: object) => string;
const compiled = new Map<string, { subject: Template; intro: Template; action: Template }>();
const text = Handlebars.compile(TEXT, { noEscape: true });
const html = Handlebars.compile(HTML);

/** Renders the notification for one hand-off event; `baseUrl` is where the admin API is served. */
export function renderNotification(notice: SalesNotice, baseUrl: string): RenderedEmail {
  const { detail } = notice;
  const { contact } = detail;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const who = [name || contact.email, contact.company && `(${contact.company})`].filter(Boolean).join(' ');
  const data = {
    ...detail,
    who,
    baseUrl,
    emailParam: encodeURIComponent(contact.email),
    by: notice.kind === 'prospect-qualified' ? byWhom(notice.detail.qualifiedBy) : undefined,
    handOffId: notice.kind === 'prospect-qualified' ? notice.detail.qualificationId : undefined,
    profile: (
      [
        ['Job title', contact.jobTitle],
        ['Company size', contact.companySize],
        ['Industry', contact.industry],
        ['Country', contact.country],
        ['Phone', contact.phone],
      ] as const
    )
      .filter(([, value]) => value)
      .map(([label, value]) => ({ label, value })),
    answers: ANSWER_KEYS.filter((key) => detail.answers[key]).map((key) => ({
      key,
      value: detail.answers[key],
    })),
  };
  const parts = partsOf(notice.kind);
  const withParts = { ...data, intro: parts.intro(data), action: parts.action(data) };
  return {
    subject: parts.subject(data).replace(/[\r\n]+/g, ' '),
    text: text(withParts),
    html: html(withParts),
  };
}

function partsOf(kind: SalesNotice['kind']) {
  let parts = compiled.get(kind);
  if (!parts) {
    const source = SOURCES[kind];
    parts = {
      subject: Handlebars.compile(source.subject, { noEscape: true }),
      intro: Handlebars.compile(source.intro, { noEscape: true }),
      action: Handlebars.compile(source.action, { noEscape: true }),
    };
    compiled.set(kind, parts);
  }
  return parts;
}

function byWhom(by: DetailOf<typeof prospectQualified>['qualifiedBy']): string {
  return by.kind === 'auto' ? 'qualified automatically' : `accepted by ${by.id}`;
}
