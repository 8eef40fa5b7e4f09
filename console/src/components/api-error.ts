import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { errorBox } from './form.ts';

/** An API failure in words a marketer can act on, with the API's own detail and field errors. */
export function apiErrorBox(error: unknown): HTMLElement {
  if (!(error instanceof ApiError)) return errorBox(t('error.unexpected'), [String(error)]);
  if (error.status === 0) return errorBox(t('error.network'));
  const lines = [error.message, ...error.errors.map((e) => `${e.field}: ${e.message}`)];
  return errorBox(t('error.api', { status: error.status }), lines);
}
