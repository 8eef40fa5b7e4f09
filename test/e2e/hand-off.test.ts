import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesAccountAnswer } from '#infra/local/ses/ses-local.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { type Browser, openBrowser } from '../support/browser.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * The hand-off as a rep lives it, in the browser: the button of the review email opens the console
 * through sign-in at the decision dialog; the contact shows its owner, who can be changed; the
 * review queue lists the follow-ups owed.
 */
const SALES = 'sales@seller.example';
const TOKEN = 'leadflow-local-admin-token';
const consent = { granted: true, purpose: 'product news' };
const email = 'rosa@rivera-robotics.es';

let pipeline: LocalPipeline;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  pipeline = await LocalPipeline.start({
    env: {
      LEADFLOW_SALES_NOTIFY: SALES,
      AWS_SES_ACCOUNT: sesAccountAnswer({ max24HourSend: 50_000, maxSendRate: 50 }),
    },
  });
  const posted = await pipeline.postForm({
    email,
    formType: 'demo',
    firstName: 'Rosa',
    lastName: 'Rivera',
    company: 'Rivera Robotics',
    country: 'Spain',
    consent,
  });
  expect(posted.status).toBe(202);
  await pipeline.settled();
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await pipeline?.stop();
});

describe('the hand-off in the console', () => {
  it("opens the review email's Accept button through sign-in, at the decision dialog", async () => {
    const [mail] = (await pipeline.emailsTo(SALES)).filter((sent) =>
      sent.subject.startsWith('Review requested'),
    );
    const accept = /Accept: (\S+)/.exec(mail?.body.text ?? '')?.[1];
    expect(accept).toBe(`${pipeline.runtime.urls.gateway}/#/contacts/${contactIdFor(email)}?decide=accept`);
    await page.goto(accept ?? '');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByLabel('Your name (optional)').fill('Claire Dubois');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('h2').textContent()).toContain('Rosa Rivera');
    await browser.screenshot('hand-off-01-accept-from-email');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The link opened the dialog once: the address no longer asks for it.
    expect(page.url()).not.toContain('decide=');
  });

  it('shows the owner chosen by territory, and gives the contact to someone else', async () => {
    const owner = page.locator('.owner-line strong');
    expect(await owner.textContent()).toBe('Hugo Martin');
    await page.getByLabel('Give to').selectOption({ label: 'Lena Schmidt' });
    await page.getByRole('button', { name: 'Reassign' }).click();
    await expect.poll(() => page.locator('.owner-line strong').textContent()).toBe('Lena Schmidt');
    await expect
      .poll(() => page.locator('#announcer').textContent())
      .toBe('Rosa Rivera is now owned by Lena Schmidt.');
    expect(await page.locator('body').textContent()).toContain('owner Hugo Martin → Lena Schmidt');
    await browser.screenshot('hand-off-02-reassigned');
  });

  it('lists the follow-ups owed on the review queue, with their owner and deadline', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click();
    const row = page.locator('.follow-ups tbody tr', { hasText: 'Rosa Rivera' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Decide the review');
    // The follow-up went over to the new owner with the contact.
    expect(await row.textContent()).toContain('Lena Schmidt');
    await browser.screenshot('hand-off-03-follow-ups');
    expect(browser.problems).toEqual([]);
  });
});
