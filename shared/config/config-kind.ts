/** One error of a candidate document: where (`fit.grades.A`, or `(root)`) and a sentence saying what is wrong. */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
}

export type ConfigValidation<T> =
  | { readonly ok: true; readonly document: T }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * A kind of configuration document that marketing publishes without a deploy (the scoring model,
 * the nurture tracks, the forms' settings…). Each kind is declared beside the domain that reads it,
 * so a function that needs one kind bundles only that kind's schema.
 */
export interface ConfigKind<T> {
  /** How the CLI, the admin API and the table name it: lower-case words joined by hyphens. */
  readonly name: string;
  /** The repository file that is the first version, named in messages. */
  readonly file: string;
  /** That file's content: the document in force until a first publish. */
  readonly seed: unknown;
  readonly validate: (input: unknown) => ConfigValidation<T>;
  /**
   * The name a document gives itself (the scoring model's `version`), which what it makes records.
   * A label names one content only: publishing different content under a used label is refused.
   */
  readonly label?: (document: T) => string;
}

interface Schema<T> {
  safeParse(
    input: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: { readonly issues: readonly Issue[] } };
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A kind's validation by its zod schema, each issue with its path. */
export function validateWith<T>(schema: Schema<T>): (input: unknown) => ConfigValidation<T> {
  return (input) => {
    const result = schema.safeParse(input);
    return result.success
      ? { ok: true, document: result.data }
      : { ok: false, errors: configErrors(result.error.issues) };
  };
}

/** Issues as zod reports them (`path` of keys and indexes), as the errors of a validation. */
export function configErrors(issues: readonly Issue[]): ConfigError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
