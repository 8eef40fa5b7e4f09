/** The console's places, in the URL's fragment so any static host serves it without rewrites. */
export type Route =
  | { readonly view: 'funnel'; readonly params: URLSearchParams }
  | { readonly view: 'contacts'; readonly params: URLSearchParams }
  | { readonly view: 'contact'; readonly contactId: string; readonly params: URLSearchParams }
  | { readonly view: 'reviews'; readonly params: URLSearchParams }
  | { readonly view: 'model'; readonly params: URLSearchParams }
  | { readonly view: 'jobs'; readonly params: URLSearchParams }
  | { readonly view: 'sign-in'; readonly params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = segments;
  if (first === 'contacts' && second) return { view: 'contact', contactId: second, params };
  if (
    first === 'contacts' ||
    first === 'reviews' ||
    first === 'model' ||
    first === 'jobs' ||
    first === 'sign-in'
  ) {
    return { view: first, params };
  }
  return { view: 'funnel', params };
}

export function href(path: string, params?: Record<string, string | undefined>): string {
  const defined = Object.entries(params ?? {}).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  const query = new URLSearchParams(defined).toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}
