import type { CompiledTemplates } from './compiled-template.ts';
import compiled from './templates.generated.json' with { type: 'json' };

/**
 * The email templates as `npm run build:emails` compiled them from MJML. The JSON is generated and
 * committed (a test fails when it is older than its sources), so its shape is the build's, not a guess.
 */
export const COMPILED_TEMPLATES = compiled as unknown as CompiledTemplates;
