import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { convert } from 'html-to-text';
import mjml2html from 'mjml';
import {
  CONTACT_TEMPLATE_VARIABLES,
  type CompiledTemplate,
  type CompiledTemplates,
  REQUIRED_CONTACT_LINKS,
  type TemplateAudience,
} from '#shared/nurture/compiled-template.ts';
import { EMAIL_LOCALES, type EmailLocale } from '#shared/nurture/email-locale.ts';

/** Where the MJML sources live: `contact/` for people we nurture, `internal/` for our own teams. */
export const TEMPLATES_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'nurture', 'templates');
const AUDIENCES: readonly TemplateAudience[] = ['contact', 'internal'];
const SOURCE_NAME = /^(?<name>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?<locale>[a-z]{2})\.mjml$/;

/** A template source that cannot become a safe email; the message names the file and the reason. */
export class TemplateCompileError extends Error {
  override name = 'TemplateCompileError';
}

/**
 * Compiles every MJML source into responsive HTML, a plain-text part and a subject (the `<mj-title>`),
 * and proves each one safe before it can ship: MJML validates strictly, every placeholder is an
 * escaped `{{…}}` (never `{{{…}}}`), contact templates use only the known variables and carry the
 * unsubscribe and preference links in both parts, and every contact template exists in every locale.
 * The text part is derived from the HTML, unless a `<name>.<locale>.txt` beside it says otherwise.
 */
export async function compileTemplates(dir: string = TEMPLATES_DIR): Promise<CompiledTemplates> {
  const compiled: Record<
    string,
    { audience: TemplateAudience; locales: Partial<Record<EmailLocale, CompiledTemplate>> }
  > = {};
  for (const audience of AUDIENCES) {
    const files = (await readdir(join(dir, audience))).filter((file) => file.endsWith('.mjml')).sort();
    for (const file of files) {
      const match = SOURCE_NAME.exec(file);
      const name = match?.groups?.name;
      const locale = match?.groups?.locale as EmailLocale | undefined;
      if (!name || !locale || !EMAIL_LOCALES.includes(locale)) {
        throw new TemplateCompileError(
          `${audience}/${file}: name it <template-name>.<locale>.mjml with a locale among ${EMAIL_LOCALES.join(', ')}.`,
        );
      }
      const entry = compiled[name] ?? { audience, locales: {} };
      if (entry.audience !== audience) {
        throw new TemplateCompileError(
          `${audience}/${file}: a template named ${name} already exists in ${entry.audience}/.`,
        );
      }
      entry.locales[locale] = await compileOne(
        join(dir, audience, file),
        join(dir, 'partials'),
        audience,
        `${audience}/${file}`,
      );
      compiled[name] = entry;
    }
  }
  for (const [name, entry] of Object.entries(compiled)) {
    const missing = EMAIL_LOCALES.filter((locale) => !entry.locales[locale]);
    if (entry.audience === 'contact' && missing.length > 0) {
      throw new TemplateCompileError(
        `contact/${name}: missing in ${missing.join(', ')}; a contact template exists in every locale.`,
      );
    }
  }
  return Object.fromEntries(Object.entries(compiled).sort(([a], [b]) => a.localeCompare(b)));
}

async function compileOne(
  path: string,
  partialsDir: string,
  audience: TemplateAudience,
  label: string,
): Promise<CompiledTemplate> {
  const source = await readFile(path, 'utf8');
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(source, {
      validationLevel: 'strict',
      filePath: path,
      ignoreIncludes: false,
      includePath: partialsDir,
      keepComments: false,
      minify: true,
      // CSS stays as MJML wrote it (inlined styles); only the markup's whitespace is squeezed.
      minifyOptions: { minifyCss: false },
    });
  } catch (error) {
    // Strict validation throws instead of listing errors.
    throw new TemplateCompileError(`${label}: ${(error as Error).message}`);
  }
  if (result.errors.length > 0) {
    throw new TemplateCompileError(
      `${label}: ${result.errors.map((error) => error.formattedMessage).join('; ')}`,
    );
  }
  const html = result.html;
  // MJML drops text that sits between components, so a block placed there would vanish silently.
  for (const placeholder of source.match(/{{[^}]*}}/g) ?? []) {
    if (!html.includes(placeholder)) {
      throw new TemplateCompileError(
        `${label}: MJML dropped ${placeholder}; put placeholders inside a component.`,
      );
    }
  }
  const subject = /<title>(?<title>[\s\S]*?)<\/title>/.exec(html)?.groups?.title?.trim();
  if (!subject) throw new TemplateCompileError(`${label}: give the email a subject with <mj-title>.`);
  const textOverride = path.replace(/\.mjml$/, '.txt');
  const text = existsSync(textOverride) ? await readFile(textOverride, 'utf8') : htmlToText(html);
  const variables = new Set<string>();
  for (const [part, source] of Object.entries({ subject, html, text })) {
    collectVariables(source, `${label} (${part})`, variables);
  }
  if (audience === 'contact') {
    const unknown = [...variables].filter(
      (variable) => !CONTACT_TEMPLATE_VARIABLES.includes(variable) && !variable.startsWith('links.'),
    );
    if (unknown.length > 0) {
      throw new TemplateCompileError(
        `${label}: unknown variables ${unknown.join(', ')}; known: ${CONTACT_TEMPLATE_VARIABLES.join(', ')}, links.<name>.`,
      );
    }
    for (const link of REQUIRED_CONTACT_LINKS) {
      for (const [part, source] of Object.entries({ html, text })) {
        if (!source.includes(`{{${link}}}`)) {
          throw new TemplateCompileError(
            `${label}: the ${part} part must link to {{${link}}} (include the footer).`,
          );
        }
      }
    }
  }
  return { subject, html, text, variables: [...variables].sort() };
}

/** The plain-text part people with text-only mail clients read: links kept visible, no shouting headings. */
function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
      { selector: 'a', options: { linkBrackets: ['<', '>'] as [string, string] } },
      { selector: 'img', format: 'skip' },
      // The inbox preview line (<mj-preview>) is hidden in HTML and would only repeat itself in text.
      { selector: 'div[style*="display:none"]', format: 'skip' },
    ],
  }).trim();
}

const BLOCK_HELPERS = new Set(['if', 'unless', 'each']);

/**
 * Walks the Handlebars syntax tree: output must be escaped (`{{{x}}}` and `{{& x}}` would let data
 * write markup), only the built-in block helpers are allowed, and top-level variables are collected.
 */
function collectVariables(source: string, label: string, variables: Set<string>): void {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateCompileError(`${label}: ${(error as Error).message}`);
  }
  const visit = (node: hbs.AST.Node, depth: number): void => {
    if (node.type === 'MustacheStatement') {
      const mustache = node as hbs.AST.MustacheStatement;
      if (!mustache.escaped) throw new TemplateCompileError(`${label}: unescaped output is not allowed.`);
      if (mustache.params.length > 0) throw new TemplateCompileError(`${label}: helpers are not allowed.`);
      pathOf(mustache.path, depth, variables);
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      const helper = (block.path as hbs.AST.PathExpression).original;
      if (!BLOCK_HELPERS.has(helper))
        throw new TemplateCompileError(`${label}: the block helper ${helper} is not allowed.`);
      for (const param of block.params) pathOf(param, depth, variables);
      const inner = helper === 'each' ? depth + 1 : depth;
      for (const statement of block.program.body) visit(statement, inner);
      for (const statement of block.inverse?.body ?? []) visit(statement, depth);
    } else if (
      node.type === 'PartialStatement' ||
      node.type === 'DecoratorBlock' ||
      node.type === 'Decorator'
    ) {
      throw new TemplateCompileError(`${label}: partials and decorators are not allowed.`);
    }
  };
  for (const statement of program.body) visit(statement, 0);
}

/** Inside `{{#each}}` paths are relative to the item, so only top-level ones are variables of the template. */
function pathOf(node: hbs.AST.Expression, depth: number, variables: Set<string>): void {
  if (node.type === 'PathExpression' && depth === 0) variables.add((node as hbs.AST.PathExpression).original);
}
