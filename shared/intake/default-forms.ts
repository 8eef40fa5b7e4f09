import formsFile from './forms.json' with { type: 'json' };
import { type FormsConfig, parseFormsConfig } from './forms-config.ts';

/** The deployed forms configuration (shared/intake/forms.json), validated when the module loads. */
export const defaultFormsConfig: FormsConfig = parseFormsConfig(formsFile);
