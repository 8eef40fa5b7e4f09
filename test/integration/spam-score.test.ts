import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyComposedEmail } from '../support/every-email.ts';

/** SpamAssassin's default spam threshold (`required_score`). */
const SPAM_THRESHOLD = 5;
/** Ours: half of it, so a template drifts into trouble long before a filter would junk it. */
const MAX_SCORE = SPAM_THRESHOLD / 2;

interface Verdict {
  readonly name: string;
  readonly score: number;
  readonly tests: readonly string[];
}

const scratch = await mkdtemp(join(tmpdir(), 'leadflow-spam-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/**
 * Scores every message with one SpamAssassin process (its rules load once, which is most of its
 * time): the messages go in as one mbox, and each comes back with a header holding its score and
 * the rules it hit. Local tests only (`-L`): no DNS blocklists or other network tests, no Bayes.
 */
async function spamAssassin(messages: readonly { name: string; raw: Buffer }[]): Promise<Verdict[]> {
  const mbox = join(scratch, 'every-email.mbox');
  const separator = 'From leadflow-test Mon Mar  2 10:00:00 2026\n';
  await writeFile(
    mbox,
    messages
      .map(
        ({ raw }) =>
          separator +
          raw
            .toString('utf8')
            .replace(/\r\n/g, '\n')
            .replace(/^(>*From )/gm, '>$1'),
      )
      .join('\n'),
  );
  const args = ['-L', '-x', '--mbox', '--cf', 'use_bayes 0', '--cf', 'bayes_auto_learn 0'];
  args.push('--cf', 'add_header all Leadflow _SCORE_ _TESTS(,)_', mbox);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('spamassassin', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`spamassassin exited with ${code}: ${stderr}`)),
    );
  });
  const verdicts = [...output.matchAll(/^X-Spam-Leadflow: (-?[\d.]+) ?(.*)$/gm)];
  if (verdicts.length !== messages.length) {
    throw new Error(`spamassassin scored ${verdicts.length} of ${messages.length} messages.`);
  }
  return verdicts.map(([, score, tests], index) => ({
    name: messages[index]?.name ?? String(index),
    score: Number(score),
    tests: (tests ?? '').split(',').filter(Boolean),
  }));
}

const installed = spawnSync('spamassassin', ['--version'], { encoding: 'utf8' }).status === 0;
let verdicts: Verdict[] = [];

beforeAll(async () => {
  if (!installed) {
    throw new Error(
      "SpamAssassin is not installed: `apt-get install spamassassin` (Debian's package; .ci/run installs it).",
    );
  }
  verdicts = await spamAssassin(await everyComposedEmail());
}, 120_000);

describe('every template, in every language, as SpamAssassin scores its raw MIME', () => {
  it('scores every message', () => {
    expect(verdicts.length).toBeGreaterThanOrEqual(25);
    expect(verdicts.every((verdict) => Number.isFinite(verdict.score))).toBe(true);
  });

  it(`stays well below the spam threshold of ${SPAM_THRESHOLD} (at most ${MAX_SCORE})`, () => {
    const tooHigh = verdicts.filter((verdict) => verdict.score > MAX_SCORE);
    expect(tooHigh, 'the rules each one hit say what to change').toEqual([]);
  });

  it('hits none of the rules that flag a broken or forged message', () => {
    const structural =
      /^(MISSING_|INVALID_DATE|MIME_HTML_ONLY|MPART_ALT_DIFF|HTML_MIME_NO_HTML_TAG|MSGID_|FORGED_|HEADER_FROM_DIFFERENT|HTML_IMAGE_ONLY|URI_NOVOWEL|TVD_)/;
    const hits = verdicts.flatMap((verdict) =>
      verdict.tests.filter((test) => structural.test(test)).map((test) => `${verdict.name}: ${test}`),
    );
    expect(hits).toEqual([]);
  });
});
