import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import formsFile from './forms.json' with { type: 'json' };
import { type FormsConfig, type FormsFile, formsConfigWithSites, formsFileSchema } from './forms-config.ts';

/** The forms file (shared/intake/forms.json), validated when the module loads. */
export const defaultFormsConfig: FormsFile = formsFileSchema.parse(formsFile);

/** The forms configuration of this deployment: the file with the stage's sites (`LEADFLOW_FORM_SITES`). */
export function deployedFormsConfig(): FormsConfig {
  return formsConfigWithSites(defaultFormsConfig, readSetting(SETTINGS.formSites));
}
