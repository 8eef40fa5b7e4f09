const compiled = new Map<string, RegExp>();

/**
 * Tests a model's pattern (case-insensitive, Unicode) against a text. Patterns are compiled once per
 * container: re-scoring runs them for every contact, and compiling dominated the scoring time.
 */
export function matchesModelPattern(pattern: string, text: string): boolean {
  let regExp = compiled.get(pattern);
  if (!regExp) {
    regExp = new RegExp(pattern, 'iu');
    compiled.set(pattern, regExp);
  }
  return regExp.test(text);
}
