import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { type Browser, openBrowser } from '../support/browser.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * The marketing console end to end: the local runtime serves it at `/`, headless Chromium drives
 * it as a marketer would, with the keyboard where it matters, and every view is checked by axe.
 * Each step leaves a screenshot in test/e2e/screenshots/.
 */
const consent = { granted: true, purpose: 'product news' };
const bant = { budget: '40k', authority: 'I sign', need: 'scoring', timeline: 'Q3' };
/** 8 weeks × (3 readers, an analyst, a buyer) + 4 qualified buyers, then 6 contacts today. */
const LEADS = 8 * 5 + 4 + 6;
/** Today's Bob and Cléo, and the two buyers of weeks 2 and 5 nobody decided on. */
const WAITING = 4;
const TOKEN = 'leadflow-local-admin-token';

let pipeline: LocalPipeline;
let browser: Browser;
let page: Page;
let axeSource: string;
let prospectsBefore: number;
let acceptedBefore: number;

/** Eight weeks of history, a week apart: readers, an analyst, a lead for review, and a qualified buyer. */
async function seedHistory(): Promise<void> {
  const DAY = 86_400_000;
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const [week, daysAgo] of [56, 49, 42, 35, 28, 21, 14, 7].entries()) {
      const at = (days: number, hours = 0) =>
        vi.setSystemTime(new Date(now - days * DAY + hours * 3_600_000));
      at(daysAgo);
      const forms: Record<string, unknown>[] = [
        ...[1, 2, 3].map((i) => ({ email: `reader${i}@news-${week}.com`, formType: 'newsletter' })),
        { email: `analyst@globex-${week}.com`, formType: 'whitepaper', company: `Globex ${week}` },
        {
          email: `buyer@initech-${week}.com`,
          formType: 'demo',
          firstName: 'Dana',
          lastName: `Initech ${week}`,
          company: `Initech ${week}`,
          jobTitle: 'Head of Marketing',
        },
      ];
      if (week % 2 === 0) {
        forms.push({
          email: `cfo@umbrella-${week}.com`,
          formType: 'demo',
          company: `Umbrella ${week}`,
          jobTitle: 'VP Sales',
          answers: bant,
        });
      }
      for (const form of forms) expect((await pipeline.postForm({ ...form, consent })).status).toBe(202);
      await pipeline.settled();
      const buyer = contactIdFor(`buyer@initech-${week}.com`);
      if (week % 3 !== 2) {
        at(daysAgo - 1, 2);
        const decision =
          week % 3 === 0 ? { decision: 'accept' } : { decision: 'reject', reason: 'no project this year' };
        expect(
          (await pipeline.admin('POST', `/admin/reviews/${buyer}`, { ...decision, reviewer: 'sam' })).status,
        ).toBe(200);
        await pipeline.settled();
      }
    }
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
  await seedHistory();
  const forms = [
    { email: 'grace@hopper-systems.io', formType: 'newsletter', firstName: 'Grace', lastName: 'Hopper' },
    { email: 'alan@turing-labs.com', formType: 'whitepaper', firstName: 'Alan', company: 'Turing Labs' },
    { email: 'spy@hubspot.com', formType: 'newsletter', firstName: 'Spy' },
    {
      email: 'ada@lovelace-analytics.com',
      formType: 'demo',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Lovelace Analytics',
      jobTitle: 'VP Sales',
      answers: bant,
    },
    {
      email: 'bob@builder-works.com',
      formType: 'demo',
      firstName: 'Bob',
      lastName: 'Builder',
      company: 'Builder Works',
      jobTitle: 'Head of Marketing',
    },
    { email: 'cleo@cleo-partners.com', formType: 'quote', firstName: 'Cléo', company: 'Cléo Partners' },
  ];
  for (const form of forms) expect((await pipeline.postForm({ ...form, consent })).status).toBe(202);
  await pipeline.settled();
  browser = await openBrowser();
  page = browser.page;
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA rules). */
async function accessibilityProblems(): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (options: unknown) => Promise<{ violations: any[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`);
}

const kpi = (id: string) => page.locator(`#${id} .kpi-value`);

describe('the marketing console', () => {
  it('asks for the admin token, refuses a wrong one, and opens the funnel with the right one', async () => {
    await page.goto(pipeline.runtime.urls.gateway);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('01-sign-in');
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('refused');
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByLabel('Your name (optional)').fill('Alice Martin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Funnel');
    await expect.poll(() => kpi('kpi-leads').textContent()).toBe(String(LEADS));
    prospectsBefore = Number(await kpi('kpi-prospects').textContent());
    acceptedBefore = Number(
      /\d+/.exec(String(await page.locator('#kpi-prospects .kpi-detail').textContent()))?.[0],
    );
    expect(prospectsBefore).toBe(4 + 3 + 1);
    expect(acceptedBefore).toBe(3);
    expect(await page.locator('.chart canvas').count()).toBe(2);
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('02-funnel-before');
  });

  it('reviews a pending lead with the keyboard: accept, and the queue moves on', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click();
    await expect.poll(() => page.locator('.review').count()).toBe(WAITING);
    expect(await page.getByRole('status').first().textContent()).toContain(`${WAITING} leads waiting`);
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('03-review-queue');

    const bob = page.locator('.review', { hasText: 'Bob Builder' });
    // Reject needs a reason: the dialog says so, and Escape closes it with focus back on the button.
    await bob.getByRole('button', { name: 'Reject' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('reason');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Reject');

    await bob.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('Called him: budget approved, starts in Q3');
    await dialog.getByLabel('Budget').fill('25k');
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('04-accept-dialog');
    await dialog.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.review').count()).toBe(WAITING - 1);
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('Bob Builder is now: Prospect.');
    await browser.screenshot('05-review-queue-after');
  });

  it('shows the funnel moving: one more prospect, accepted by sales', async () => {
    await pipeline.settled();
    await page.getByRole('link', { name: 'Funnel' }).click();
    await expect.poll(() => kpi('kpi-prospects').textContent()).toBe(String(prospectsBefore + 1));
    expect(await page.locator('#kpi-prospects .kpi-detail').textContent()).toBe(
      `${acceptedBefore + 1} accepted by sales`,
    );
    // Decided reviews: 3 accepted and 3 rejected in the history, then Bob accepted today.
    expect(await kpi('kpi-acceptance').textContent()).toBe('57.1%');
    expect(await kpi('kpi-time-to-qualify').textContent()).not.toBe('—');
    await browser.screenshot('06-funnel-after', { fullPage: false });
    await page.getByText('Show the numbers as a table').click();
    // Today: Ada qualified on her own, Bob accepted.
    expect(await page.locator('.data-table tbody tr').last().locator('td').nth(2).textContent()).toBe('2');
    await browser.screenshot('06-funnel-after-table');
  });

  it('finds contacts by text, filters them, and opens one with its score line by line', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(() => page.locator('table.contacts tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => page.locator('table.contacts tbody tr').count()).toBe(LEADS);
    await page.getByLabel('Search', { exact: true }).fill('cleo partners');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('table.contacts tbody tr').count()).toBe(1);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Stage').selectOption('prospect');
    await page.getByLabel('Sort by').selectOption('score-desc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('table.contacts tbody tr').count()).toBe(prospectsBefore + 1);
    const scores = await page.locator('table.contacts tbody td.num').allTextContents();
    const totals = scores.map((text) => Number(text.split(' ')[0]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('07-contacts');
    await page.getByRole('link', { name: 'Bob Builder' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bob Builder');
    expect(await page.getByRole('table', { name: /Engagement/ }).textContent()).toContain(
      'engagement.demo_request',
    );
    expect(await page.getByRole('region', { name: 'Stage changes' }).textContent()).toContain(
      'person:Alice Martin',
    );
    expect(await page.getByRole('region', { name: 'Profile and answers' }).textContent()).toContain(
      'Budget: 25k',
    );
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('08-contact');
  });

  it('simulates a candidate model and names what is invalid in a broken one', async () => {
    await page.getByRole('link', { name: 'Scoring model' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Scoring model');
    const editor = page.getByLabel('Candidate model (JSON)');
    const model = JSON.parse(await editor.inputValue());
    await editor.fill(
      JSON.stringify({ ...model, version: 'broken', fit: { ...model.fit, grades: { A: 'x', B: 1, C: 0 } } }),
    );
    await page.getByRole('button', { name: 'Simulate' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('fit.grades.A');
    const lenient = {
      ...model,
      version: 'lenient-review',
      policy: { ...model.policy, review: { ...model.policy.review, minScore: 5, minEngagement: 1 } },
    };
    await editor.fill(JSON.stringify(lenient, null, 2));
    await page.getByRole('button', { name: 'Simulate' }).click();
    // A simulation is a bulk job over every contact: the page shows its progress, then the report.
    await expect
      .poll(() => page.locator('#kpi-changed .kpi-value').textContent(), { timeout: 30_000 })
      .not.toBe('0');
    expect(await page.locator('.simulation-result').textContent()).toContain('Lead → In review');
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('09-model-simulation');
  });

  it('edits the points, checks, publishes with the publish permission, scores the next lead with it, rolls back', async () => {
    // A fresh page: the candidate starts as the model in force, not the simulated one.
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Scoring model');
    await expect.poll(() => page.locator('.config-history tbody tr').count()).toBe(1);
    const editor = page.getByLabel('Candidate model (JSON)');
    const model = JSON.parse(await editor.inputValue());
    await editor.fill(JSON.stringify({ ...model, version: 'b2b-console' }, null, 2));
    await page.getByLabel('fit.businessEmail').fill(String(model.fit.businessEmail + 25));
    expect(JSON.parse(await editor.inputValue()).fit.businessEmail).toBe(model.fit.businessEmail + 25);

    await page.getByRole('button', { name: 'Check and preview' }).click();
    await expect
      .poll(() => page.locator('.publish-result').textContent())
      .toContain(`fit.businessEmail: ${model.fit.businessEmail} → ${model.fit.businessEmail + 25}`);
    await page.getByLabel('Why (kept with the version)').fill('business addresses matter more');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('.publish-result').textContent()).toContain('publish permission');
    await page.getByLabel('Publish token (local pipeline only)').fill('leadflow-local-publish-token');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.locator('.publish-result').textContent())
      .toContain('Published as version v2 (b2b-console)');
    await expect.poll(() => page.locator('.config-history tbody tr').count()).toBe(2);
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('09-model-publish');

    // The scorer's cache holds a model for a minute: a new lead a minute on is scored by the new one.
    const scoredAfter = async (ms: number, email: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(Date.now() + ms);
        expect(
          (await pipeline.postForm({ email, formType: 'whitepaper', company: 'Publish Test', consent }))
            .status,
        ).toBe(202);
        await pipeline.settled();
      } finally {
        vi.useRealTimers();
      }
      return (await pipeline.profile(email))?.score;
    };
    const published = await scoredAfter(61_000, 'pat@publish-test.com');
    expect(published.modelVersion).toBe('b2b-console');

    await page.getByLabel('Why (kept with the version)').fill('back to the repository model');
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect
      .poll(() => page.locator('.publish-result').textContent())
      .toContain('version 3 restores version 1');
    const rolledBack = await scoredAfter(122_000, 'quinn@publish-test.com');
    expect(rolledBack.modelVersion).toBe(model.version);
    expect(published.fit - rolledBack.fit).toBe(25);
  });

  it('speaks French when asked, and remembers it', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Modèle de scoring');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.goto(`${pipeline.runtime.urls.gateway}/#/funnel`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Entonnoir');
    expect(await page.getByRole('link', { name: 'À valider' }).count()).toBe(1);
    await browser.screenshot('10-funnel-fr', { fullPage: false });
    await page.goto(`${pipeline.runtime.urls.gateway}/#/funnel?days=90&interval=week`);
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Funnel');
    await page.evaluate('document.activeElement?.blur()');
    await browser.screenshot('11-funnel-weekly', { fullPage: false });
  });

  it('re-scores every contact from the jobs page, its progress bar filling until done', async () => {
    await page.getByRole('link', { name: 'Bulk jobs' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bulk jobs');
    // The model simulation ran as a job: it is listed, finished.
    await expect
      .poll(() => page.locator('.job[data-status="done"] h2').allTextContents(), { timeout: 10_000 })
      .toContain('Model simulation');
    await page.getByRole('button', { name: 'Re-score every contact' }).click();
    const job = page.locator('.job').first();
    await expect.poll(() => job.locator('h2').textContent()).toBe('Re-score every contact');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const bar = job.getByRole('progressbar', { name: 'Progress of Re-score every contact' });
    expect(await bar.evaluate((element) => (element as unknown as { value: number }).value)).toBe(1);
    // Every stored contact: the seeded leads and the two the publish test scored with its model.
    expect(await job.textContent()).toContain(`rescored: ${LEADS + 2}`);
    expect(await accessibilityProblems()).toEqual([]);
    await browser.screenshot('12-jobs');
  });

  it('keeps the token for the tab only, and reported no script error or policy violation', async () => {
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('leadflow.adminToken'),
      local: Object.values({ ...localStorage }).join(' '),
    }));
    expect(stored.session).toBe(TOKEN);
    expect(stored.local).not.toContain(TOKEN);
    // The refused token (401), the broken model (400) and the publish without the permission (403)
    // were answered on purpose; nothing else failed.
    expect(
      browser.problems.filter((problem) => !/Failed to load resource.*\b(400|401|403)\b/.test(problem)),
    ).toEqual([]);
  });
});
