/** The five UTM parameters, keyed as `Touch` and the canonical submission name them. */
export interface Utm {
  readonly source?: string;
  readonly medium?: string;
  readonly campaign?: string;
  readonly term?: string;
  readonly content?: string;
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const MAX_UTM_LENGTH = 200;

/**
 * The UTM parameters of a page address (`?utm_source=…`), or undefined when it has none or is not an
 * address. Long or control-character values are dropped: a URL is the visitor's to forge.
 */
export function utmFromUrl(address: string | undefined): Utm | undefined {
  if (!address || !URL.canParse(address)) return undefined;
  const query = new URL(address).searchParams;
  const entries = UTM_KEYS.flatMap((key) => {
    const value = query.get(`utm_${key}`)?.trim();
    return value && value.length <= MAX_UTM_LENGTH && !/\p{Cc}/u.test(value) ? [[key, value] as const] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
