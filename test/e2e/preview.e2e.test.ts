import type { Browser } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../src/cli/commands/start-action';
import { launchChromium } from './launch-chromium';

/**
 * Drives the local preview in headless Chromium (the system one, else the one packaged in
 * @sparticuz/chromium, so it runs on a bare machine) and checks what a person sees.
 */

describe('the local preview in a browser', () => {
  let demo: RunningDemo;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, sandboxPort: 0, companies: 120, seed: 7, json: false }, { log: () => undefined, progress: 'silent' });
    browser = (await launchChromium()).browser;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('shows the portfolio and opens an at-risk company whose card explains its score', async () => {
    const page = await browser.newPage();
    await page.goto(demo.previewUrl);
    await expect(page.locator('h2')).toHaveTextLike(/Portfolio: 120 companies/);
    const bandRows = await page.locator('#bands tr').allTextContents();
    expect(bandRows.join(' ')).toMatch(/healthy\s*\d+/);

    const firstAtRisk = page.locator('#at-risk a').first();
    const name = (await firstAtRisk.textContent()) ?? '';
    await firstAtRisk.click();
    await page.waitForSelector('.score-circle');
    expect(await page.locator('h2').textContent()).toContain(name);
    const score = Number(await page.locator('.score-circle').getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await page.locator('h3', { hasText: 'Why this score' }).count()).toBe(1);
    expect(await page.locator('table tr').count()).toBe(7);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Churn risk/);
    expect(text).not.toMatch(/\{"|undefined|NaN/);
    await page.screenshot({ path: 'test/e2e/__screenshots__/company-card.png', fullPage: true }).catch(() => undefined);
  });

  it('shows attainment by CSM, a deal\'s retention target and a CSM\'s objectives, and refuses a stranger', async () => {
    const page = await browser.newPage();
    await page.goto(demo.previewUrl);
    expect(await page.locator('#attainment tr').count()).toBeGreaterThan(2);
    // The demo team has varied names, not one family (every CSM was once "… Martin").
    const csms = (await page.locator('#attainment tr td:first-child').allTextContents()).filter(Boolean);
    expect(new Set(csms.map((name) => name.split(' ').slice(1).join(' '))).size).toBe(csms.length);
    await page.goto(`${demo.previewUrl}/deals/1001`);
    expect(await page.locator('main').innerText()).toMatch(/Retention target[\s\S]*(On track|At risk|Missed)[\s\S]*Stage check/i);
    await page.goto(`${demo.previewUrl}/companies/1001/objectives?userId=70101`);
    expect(await page.locator('main').innerText()).toMatch(/individual level \(50 % of the plan\)/);
    await page.goto(`${demo.previewUrl}/companies/1001/objectives?userId=1`);
    expect(await page.locator('.error-state').innerText()).toContain('not a HubSpot owner known to cs-health');
  });

  it('shows a name with "&" and "<" whole, in the title and the heading, escaped once', async () => {
    const name = 'Smith & Sons <Ltd> "Ü"';
    const created = await fetch(`${demo.sandboxUrl}/crm/v3/objects/companies`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-demo-token', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { name } }),
    }).then((response) => response.json() as Promise<{ id: string }>);
    const page = await browser.newPage();
    const response = await page.goto(`${demo.previewUrl}/companies/${created.id}`);
    expect(await page.title()).toBe(`${name} · cs-health preview`);
    expect(await page.locator('h2').textContent()).toBe(`${name} · Customer health`);
    expect(await response?.text()).toContain('Smith &amp; Sons &lt;Ltd&gt;');
  });

  it('answers an unknown company with a readable error page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${demo.previewUrl}/companies/987654321`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('.error-state').innerText()).toContain('was not found');
  });
});

// A tiny matcher so the test reads as what a person sees.
expect.extend({
  async toHaveTextLike(locator: { textContent(): Promise<string | null> }, pattern: RegExp) {
    const text = (await locator.textContent()) ?? '';
    return { pass: pattern.test(text), message: () => `expected "${text}" to match ${pattern}` };
  },
});
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveTextLike(pattern: RegExp): Promise<R>;
    }
  }
}
