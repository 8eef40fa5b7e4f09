import Handlebars from 'handlebars';
import { type EmailTemplate, TEMPLATES } from './templates.ts';

export interface EmailPersonalization {
  readonly firstName?: string;
  readonly company?: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

type Compiled = { readonly [Part in keyof EmailTemplate]: Handlebars.TemplateDelegate<EmailPersonalization> };
const compiled = new Map<string, Compiled>();

/** Renders a template; templates compile once per container. */
export function renderEmail(templateName: string, personalization: EmailPersonalization): RenderedEmail {
  let template = compiled.get(templateName);
  if (!template) {
    const source = TEMPLATES[templateName];
    if (!source) throw new Error(`Unknown email template "${templateName}".`);
    template = {
      subject: Handlebars.compile(source.subject, { noEscape: true, strict: false }),
      html: Handlebars.compile(source.html),
      text: Handlebars.compile(source.text, { noEscape: true }),
    };
    compiled.set(templateName, template);
  }
  return {
    // A subject is one line whatever the data: line breaks would start new headers.
    subject: template.subject(personalization).replace(/[\r\n]+/g, ' '),
    html: template.html(personalization),
    text: template.text(personalization),
  };
}
