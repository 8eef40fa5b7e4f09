import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalEndpoints } from './local-environment.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

/**
 * The endpoints of the pipeline `npm start` runs, from the local.json it writes; the developer
 * commands (post-form, ses-event, put-event) talk to it. Exits with a clear message when none runs.
 */
export async function runningPipeline(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalEndpoints> {
  const endpoints = await runningPipelineEndpoints(dataDir);
  if (endpoints) return endpoints;
  console.error(
    `No running local pipeline found (${join(dataDir, 'local.json')}). Start it with \`npm start\`.`,
  );
  process.exit(1);
}

/** The running pipeline's endpoints, or undefined when none runs (for commands that can do without). */
export async function runningPipelineEndpoints(
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<LocalEndpoints | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, 'local.json'), 'utf8')) as LocalEndpoints;
  } catch {
    return undefined;
  }
}
