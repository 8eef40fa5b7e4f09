import configFile from './config/nurture.json' with { type: 'json' };
import { type NurtureConfig, parseNurtureConfig } from './nurture-config.ts';
import { COMPILED_TEMPLATES } from './templates.ts';

/** The shipped nurture configuration, validated when the module loads so a bad edit fails fast. */
export const defaultNurtureConfig: NurtureConfig = parseNurtureConfig(configFile, COMPILED_TEMPLATES);
