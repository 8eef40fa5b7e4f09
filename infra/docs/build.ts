/**
 * `npm run docs:configuration`: writes docs/configuration.md from the settings catalogue. A test
 * fails while the committed page differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { configurationPage } from './configuration-page.ts';

const target = new URL('../../docs/configuration.md', import.meta.url);
writeFileSync(target, configurationPage());
process.stdout.write('Wrote docs/configuration.md from shared/runtime/settings.ts.\n');
