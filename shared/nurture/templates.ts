/**
 * Email templates (Handlebars). In `html`, `{{…}}` escapes HTML, so a name can never inject markup;
 * `text` and `subject` are rendered without HTML escaping but from values that cannot hold control
 * characters (intake refuses them), so they cannot inject headers either.
 */
export interface EmailTemplate {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const layout = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2933;background:#f5f7fa">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
${body}
</div></body></html>`;

export const TEMPLATES: Readonly<Record<string, EmailTemplate>> = {
  'newsletter-welcome': {
    subject: 'Welcome to our newsletter{{#if firstName}}, {{firstName}}{{/if}}',
    html: layout(`<p>Hello{{#if firstName}} {{firstName}}{{/if}},</p>
<p>Thank you for subscribing. Every month you will get one short letter with what we learned helping teams like yours.</p>
<p>See you soon.</p>`),
    text: `Hello{{#if firstName}} {{firstName}}{{/if}},

Thank you for subscribing. Every month you will get one short letter with what we learned helping teams like yours.

See you soon.`,
  },
  'whitepaper-follow-up': {
    subject: 'Your white paper, and what to read next',
    html: layout(`<p>Hello{{#if firstName}} {{firstName}}{{/if}},</p>
<p>Thank you for downloading our white paper. Teams who found it useful also read our case studies{{#if company}}, chosen for companies like {{company}}{{/if}}.</p>`),
    text: `Hello{{#if firstName}} {{firstName}}{{/if}},

Thank you for downloading our white paper. Teams who found it useful also read our case studies{{#if company}}, chosen for companies like {{company}}{{/if}}.`,
  },
  'webinar-follow-up': {
    subject: 'Thanks for registering for our webinar',
    html: layout(`<p>Hello{{#if firstName}} {{firstName}}{{/if}},</p>
<p>You are registered. We will send the recording afterwards, so you can watch it again or share it with your team.</p>`),
    text: `Hello{{#if firstName}} {{firstName}}{{/if}},

You are registered. We will send the recording afterwards, so you can watch it again or share it with your team.`,
  },
  'general-welcome': {
    subject: 'Thanks for getting in touch{{#if firstName}}, {{firstName}}{{/if}}',
    html: layout(`<p>Hello{{#if firstName}} {{firstName}}{{/if}},</p>
<p>Thank you for your interest. Here is where most teams start: a short overview of how we work and what others achieved with it.</p>`),
    text: `Hello{{#if firstName}} {{firstName}}{{/if}},

Thank you for your interest. Here is where most teams start: a short overview of how we work and what others achieved with it.`,
  },
};
