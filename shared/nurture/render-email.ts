import Handlebars from 'handlebars';
import type { CompiledTemplates } from './compiled-template.ts';
import { EMAIL_LOCALES, type EmailLocale } from './email-locale.ts';
import { COMPILED_TEMPLATES } from './templates.ts';

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

type Delegate = Handlebars.TemplateDelegate<object>;
const cache = new Map<string, { subject: Delegate; html: Delegate; text: Delegate }>();
const OPTIONS = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true } } as const;

/** Thrown for a template or language that does not exist: a configuration error, never retried away. */
export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
}

/**
 * Fills a compiled template with data. In HTML every value is escaped (the build refuses `{{{…}}}`),
 * so a name can never inject markup; subject and text are plain text, and the subject is forced onto
 * one line without control characters, so no value can start a header. A template missing in the
 * asked language falls back to the first language it exists in (internal templates are English only).
 */
export function renderEmail(
  template: string,
  locale: EmailLocale,
  data: object,
  templates: CompiledTemplates = COMPILED_TEMPLATES,
): RenderedEmail {
  const entry = templates[template];
  const chosen = entry?.locales[locale]
    ? locale
    : EMAIL_LOCALES.find((candidate) => entry?.locales[candidate] !== undefined);
  const source = chosen && entry?.locales[chosen];
  if (!chosen || !source) throw new UnknownTemplateError(`Unknown email template "${template}".`);
  const key = `${template}.${chosen}`;
  let compiled = cache.get(key);
  if (!compiled || templates !== COMPILED_TEMPLATES) {
    compiled = {
      subject: Handlebars.compile(source.subject, { ...OPTIONS, noEscape: true }),
      html: Handlebars.compile(source.html, OPTIONS),
      text: Handlebars.compile(source.text, { ...OPTIONS, noEscape: true }),
    };
    if (templates === COMPILED_TEMPLATES) cache.set(key, compiled);
  }
  return {
    subject: oneLine(compiled.subject(data)),
    html: compiled.html(data),
    text: compiled.text(data),
  };
}

/** Line breaks and other control characters become spaces: a subject is one header line. */
function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
