/** A file of a static site, as the local gateway serves it and as S3 stores it. */
export interface StaticFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly cacheControl: string;
}

/** Path (`/index.html`, `/assets/main-3F2A.js`) → file. `/` serves `/index.html`. */
export type StaticFiles = ReadonlyMap<string, StaticFile>;

/** Content-hashed files never change under their name; the page itself is checked on every load. */
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
export const CACHE_NEVER = 'no-cache';
