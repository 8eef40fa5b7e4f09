import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = join(REPO_ROOT, 'node_modules/.bin/biome');

/**
 * One import (or settings read) per probe file, placed where the layer rule applies. The probes are linted with the
 * repository's own biome.json (and its plugins) in a copy of the layout, never in the real tree.
 */
const FORBIDDEN: Readonly<Record<string, string>> = {
  'shared/contact/probe-sdk.ts': "import { SESv2Client as probe } from '@aws-sdk/client-sesv2';",
  'shared/nurture/probe-adapter.ts': "import { sesMailer as probe } from '#shared/adapters/ses-mailer.ts';",
  'shared/nurture/probe-relative-adapter.ts':
    "import { sesMailer as probe } from '../adapters/ses-mailer.ts';",
  'shared/intake/probe-powertools.ts': "import { Logger as probe } from '@aws-lambda-powertools/logger';",
  'shared/scoring/probe-wiring.ts': "import { FUNCTIONS as probe } from '#infra/wiring/functions.ts';",
  'shared/runtime/probe-sdk.ts': "import { SESv2Client as probe } from '@aws-sdk/client-sesv2';",
  'events/probe-domain.ts': "import { contactIdFor as probe } from '#shared/contact/contact-id.ts';",
  'events/probe-relative-domain.ts':
    "import { contactIdFor as probe } from '../shared/contact/contact-id.ts';",
  'console/src/probe-value.ts': "import { decideReview as probe } from '#shared/review/decide-review.ts';",
  'console/src/probe-mixed.ts': "import { type Stage, STAGES as probe } from '#events/vocabulary/stage.ts';",
  'console/src/probe-reexport.ts': "export { contactView } from '#shared/review/contact-view.ts';",
  'shared/nurture/probe-env.ts': 'const probe = process.env.SES_MAX_SEND_RATE;',
  'functions/probe/probe-env.ts': 'const probe = process.env.LEADFLOW_TABLE_NAME;',
};

const ALLOWED: Readonly<Record<string, string>> = {
  'shared/adapters/probe-sdk.ts': "import { SESv2Client as probe } from '@aws-sdk/client-sesv2';",
  'shared/runtime/probe-powertools.ts': "import { Logger as probe } from '@aws-lambda-powertools/logger';",
  'shared/nurture/probe-vocabulary.ts': "import { STAGES as probe } from '#events/vocabulary/stage.ts';",
  'shared/nurture/probe-port.ts': "import { MailThrottledError as probe } from '#shared/nurture/mailer.ts';",
  'events/probe-vocabulary.ts': "import { STAGES as probe } from './vocabulary/stage.ts';",
  'console/src/probe-types.ts': "import type { Stage as probe } from '#events/vocabulary/stage.ts';",
  'console/src/probe-rules.ts': "import { DECISION_FROM as probe } from '#shared/review/review-rules.ts';",
  'functions/probe/probe-adapter.ts': "import { sesMailer as probe } from '#shared/adapters/ses-mailer.ts';",
  'shared/runtime/settings.ts': 'const probe = process.env.SES_MAX_SEND_RATE;',
};

/** The diagnostics of the layer rules; any other finding in a probe is not what is tested here. */
const LAYER_RULES = new Set(['lint/style/noRestrictedImports', 'lint/style/noProcessEnv', 'plugin']);

let workspace: string;
let failingFiles: Set<string>;
let exitCode: number | null;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'leadflow-layers-'));
  cpSync(join(REPO_ROOT, 'biome.json'), join(workspace, 'biome.json'));
  cpSync(join(REPO_ROOT, 'lint'), join(workspace, 'lint'), { recursive: true });
  for (const [path, line] of Object.entries({ ...FORBIDDEN, ...ALLOWED })) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    const body = line.startsWith('export') ? '' : '\nexport const used = probe;\n';
    writeFileSync(join(workspace, path), `${line}\n${body}`);
  }
  const result = spawnSync(
    BIOME,
    ['lint', '--vcs-enabled=false', '--reporter=github', '--max-diagnostics=none', '.'],
    { cwd: workspace, encoding: 'utf8' },
  );
  exitCode = result.status;
  failingFiles = new Set(
    [...result.stdout.matchAll(/^::error title=([^,]+),file=([^,]+),/gm)]
      .filter(([, rule]) => LAYER_RULES.has(rule ?? ''))
      .map(([, , file]) => relative(workspace, file ?? '')),
  );
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the layer rules in biome.json', () => {
  it('fail the lint on an import that crosses a layer', () => {
    expect(exitCode).not.toBe(0);
    for (const path of Object.keys(FORBIDDEN)) expect(failingFiles, path).toContain(path);
  });

  it('let through the imports each layer is meant to make', () => {
    for (const path of Object.keys(ALLOWED)) expect(failingFiles, path).not.toContain(path);
  });
});
