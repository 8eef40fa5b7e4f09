import { fileURLToPath } from 'node:url';

/** The repository root: declared `entry` paths are relative to it, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `npm start` keeps local state (DynamoDB data, pid records, local.json); git-ignored. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.leadflow/', import.meta.url));
