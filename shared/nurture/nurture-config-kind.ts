import { type ConfigKind, configErrors } from '#shared/config/config-kind.ts';
import configFile from './config/nurture.json' with { type: 'json' };
import { type NurtureConfig, nurtureConfigSchema, templateProblems } from './nurture-config.ts';
import { COMPILED_TEMPLATES } from './templates.ts';

/**
 * The nurture tracks and topics (with the guardrails and links) as a published document, checked
 * against the templates this deployment ships. Its `version` is recorded with every email sent.
 */
export const nurtureConfigKind: ConfigKind<NurtureConfig> = {
  name: 'nurture',
  file: 'shared/nurture/config/nurture.json',
  seed: configFile,
  validate: (input) => {
    const parsed = nurtureConfigSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: configErrors(parsed.error.issues) };
    const problems = templateProblems(parsed.data, COMPILED_TEMPLATES);
    return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, document: parsed.data };
  },
  label: (config) => config.version,
};
