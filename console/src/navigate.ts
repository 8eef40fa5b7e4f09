import { href } from './route.ts';

/** Goes to a place of the console, as a link would: the fragment changes and the view follows. */
export function navigate(path: string, params?: Record<string, string | undefined>): void {
  location.hash = href(path, params);
}
