import type { Browser, Page } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../src/cli/commands/start-action';
import { launchChromium } from './launch-chromium';
import { isPng, pngSize, saveScreenshot } from './screenshots';

/**
 * Drives the local preview in headless Chromium (the system one, else the one packaged in
 * @sparticuz/chromium, so it runs on a bare machine) and checks what a person sees on every
 * surface: the app pages (home, retention, feedback, churn), each card, and the error pages. Each
 * surface is saved once as docs/screenshots/<name>.png, the pictures the README shows. One demo
 * start and one browser for the whole file.
 */

/** The demo portal's people (generate-demo-portal): a CS manager and one CSM of the team. */
const MANAGER_USER_ID = 70100;
const CSM_USER_ID = 70101;

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

  // The preview's style sheet upper-cases labels (as HubSpot does), so innerText is matched without case.

  /**
   * A fresh tab at a fixed size, so the screenshots are comparable from run to run. Tabs stay open
   * until the browser closes: the packaged Chromium runs single-process, where closing a tab can
   * take the browser down with it.
   */
  async function open(path: string): Promise<{ page: Page; status: number | undefined }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${demo.previewUrl}${path}`);
    return { page, status: response?.status() };
  }

  async function screenshot(page: Page, name: string) {
    const bytes = await saveScreenshot(page, name);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes).width).toBe(1280);
    // A full-page capture of a drawn surface, not a blank viewport-sized frame.
    expect(bytes.length).toBeGreaterThan(10_000);
  }


  describe('app pages (extensions/pages through the preview)', () => {
    it('home, for the CS manager (the demo\'s admin, so a leader: every company): health bands on a bar chart with their counts, at-risk customers by MRR, follow-ups with the overdue marked', async () => {
      const { page, status } = await open(`/pages?userId=${MANAGER_USER_ID}`);
      expect(status).toBe(200);
      expect(await page.locator('h1.page-title').textContent()).toBe('Customer success portfolio');
      const main = await page.locator('main').innerText();
      expect(main).toMatch(/All customers: 120 companies/);
      const bars = page.locator('figure.bar-chart');
      expect(await bars.getAttribute('data-bars')).toBe('3');
      const barValues = (await bars.locator('text.bar-value').allTextContents()).map(Number);
      const bandCounts = await Promise.all(['Healthy', 'Neutral', 'At risk'].map(async (label) => Number(await page.locator('.stat', { hasText: label }).first().locator('.stat-number').textContent())));
      expect(barValues).toEqual(bandCounts);
      expect(main).toMatch(/At risk: \d+ active customers, [\d,]+ MRR at stake/);
      const mrr = (await page.locator('table').first().locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
      expect(mrr.length).toBeGreaterThan(1);
      expect([...mrr].sort((a, b) => b - a)).toEqual(mrr);
      expect(main).toMatch(/Detractor follow-ups due: \d+, \d+ overdue/);
      expect(await page.locator('.tag', { hasText: /h overdue/ }).count()).toBeGreaterThan(0);
      expect(main).not.toMatch(/\{"|undefined|NaN/);
      await screenshot(page, 'page-home');
    });

    it('home, for a CSM: their own book and their own attainment only', async () => {
      const { page } = await open(`/pages?userId=${CSM_USER_ID}`);
      const main = await page.locator('main').innerText();
      const book = /Your book: (\d+) companies, 1 owner/.exec(main);
      expect(book).not.toBeNull();
      expect(Number(book?.[1])).toBeLessThan(120);
      const people = await page.locator('table', { has: page.locator('th', { hasText: 'Person' }) }).locator('tbody tr').allInnerTexts();
      expect(people).toHaveLength(1);
      expect(people[0]).toMatch(/\(you\)/);
    });

    it('retention: NRR and GRR for 12 months on one chart, logo and revenue churn, cohort drill-down; reached by the page link with the viewer kept', async () => {
      const { page } = await open(`/pages?userId=${MANAGER_USER_ID}`);
      await page.locator('a.page-link', { hasText: 'Retention' }).click();
      await page.waitForSelector('figure.line-chart');
      expect(new URL(page.url()).pathname).toBe('/pages/retention');
      expect(new URL(page.url()).searchParams.get('userId')).toBe(String(MANAGER_USER_ID));
      const chart = page.locator('figure.line-chart');
      expect(await chart.getAttribute('data-series')).toBe('2');
      expect(await chart.locator('g[data-series-name]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series-name')))).toEqual(['NRR', 'GRR']);
      expect(await chart.locator('g[data-series-name="NRR"] circle').count()).toBe(12);
      const main = await page.locator('main').innerText();
      expect(main).toMatch(/Logo churn\s*[\d.]+ % \(\d+ of \d+ customers\)/i);
      expect(main).toMatch(/Revenue churn\s*[\d.]+ %/i);
      expect(await page.locator('th', { hasText: 'Cohort' }).count()).toBe(1);
      expect(await page.locator('select[name="retention-drill"] option').allTextContents()).toEqual(['Cohort (start month)', 'Segment']);
      await screenshot(page, 'page-retention');
    });

    it('feedback: NPS and CSAT by segment with their answer counts', async () => {
      const { page } = await open(`/pages/feedback?userId=${MANAGER_USER_ID}`);
      const rows = await page.locator('table tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatch(/^\S+\t(-?\d+|—)\t\d+\t([\d.]+ %|—)\t\d+\t\d+$/);
      expect(await page.locator('main').innerText()).toMatch(/NPS = % promoters \(9-10\) - % detractors \(0-6\)/);
      await screenshot(page, 'page-feedback');
    });

    it('churn: reasons with the CS-controllable share that adds up, service value, and the model report state', async () => {
      const { page } = await open(`/pages/churn?userId=${MANAGER_USER_ID}`);
      const main = await page.locator('main').innerText();
      const head = /Churn reasons: (\d+) lost renewals/.exec(main);
      const split = /(\d+) controllable, (\d+) not, (\d+) unclassified/.exec(main);
      expect(head && split).toBeTruthy();
      expect(Number(split?.[1]) + Number(split?.[2]) + Number(split?.[3])).toBe(Number(head?.[1]));
      const share = /CS-controllable share\s*([\d.]+) %/i.exec(main);
      expect(Number(share?.[1])).toBeCloseTo((Number(split?.[1]) / (Number(split?.[1]) + Number(split?.[2]))) * 100, 0);
      expect(main).toMatch(/Service value, last 12 months/);
      expect(main).toMatch(/Customers saved\s*\d+/i);
      expect(main).toMatch(/Churn model report/);
      await screenshot(page, 'page-churn');
    });

    it('an unknown viewer gets the page\'s error state, an unknown path the not-found page', async () => {
      const forbidden = await open('/pages?userId=1');
      expect(forbidden.status).toBe(403);
      expect(await forbidden.page.locator('.error-state').innerText()).toContain('not a HubSpot owner known to cs-health');
      await screenshot(forbidden.page, 'error-page-unknown-viewer');
      const missing = await open(`/pages/nowhere?userId=${MANAGER_USER_ID}`);
      expect(missing.status).toBe(404);
      expect(await missing.page.locator('h1.page-title').textContent()).toBe('Page not found');
    });
  });

  describe('cards', () => {
    it('customer health: an at-risk company from the portfolio, its score explained, its year of history charted and the moves behind it listed', async () => {
      const { page } = await open('/');
      // Prospects are not in the portfolio: it counts the demo's customers, active and churned.
      await expect(page.locator('h2')).toHaveTextLike(/Portfolio: \d+ companies/);
      expect((await page.locator('#bands tr').allTextContents()).join(' ')).toMatch(/healthy\s*\d+/);
      const firstAtRisk = page.locator('#at-risk a').first();
      const name = (await firstAtRisk.textContent()) ?? '';
      await firstAtRisk.click();
      await page.waitForSelector('.score-circle');
      expect(await page.locator('h2').textContent()).toContain(name);
      const score = Number(await page.locator('.score-circle').getAttribute('data-score'));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThan(50);
      expect(await page.locator('h3', { hasText: 'Why this score' }).count()).toBe(1);
      const history = page.locator('figure.line-chart', { hasText: 'Health score history' });
      expect(Number(await history.getAttribute('data-points'))).toBeGreaterThan(300);
      const ledger = page.locator('table', { has: page.locator('th', { hasText: 'What moved it' }) });
      const moves = await ledger.locator('tbody tr').allInnerTexts();
      expect(moves.length).toBeGreaterThan(0);
      for (const move of moves) {
        const [, from, to, change] = /(\d+) → (\d+)\t([+-]\d+) pts/.exec(move) ?? [];
        expect(Number(to) - Number(from)).toBe(Number(change));
        expect(Math.abs(Number(change))).toBeGreaterThanOrEqual(5);
      }
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/Churn risk/);
      expect(text).toMatch(/Detractor follow-up\s*(Overdue|Due)[\s\S]*Call before \d{4}-\d\d-\d\d \d\d:\d\d UTC/i);
      expect(await page.locator('button', { hasText: 'Create follow-up task' }).count()).toBe(1);
      expect(text).not.toMatch(/\{"|undefined|NaN/);
      await screenshot(page, 'card-customer-health');
    });

    it('my objectives: the CSM\'s levels, each bar with its figure; a stranger is refused', async () => {
      const { page } = await open(`/companies/1001/objectives?userId=${CSM_USER_ID}`);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/individual level \(50 % of the plan, live\)/);
      expect(text).toMatch(/team level \(30 % of the plan, live\)/);
      // The demo's sync computed the period statement: the company level comes from it, dated.
      expect(text).toMatch(/company level \(20 % of the plan, from the period statement\): \d+ %/);
      expect(text).toMatch(/Computed by the sync on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC with settings version \d+/);
      expect(text).toMatch(/Attainment to date by level\s*individual \(50 % of the plan\): \d+ %/);
      // No bar without its figure: every progress bar is drawn with a title and a value beside it.
      const bars = await page.locator('.progress').allInnerTexts();
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) expect(bar).toMatch(/: (\d+(\.\d+)? %|no data)[\s\S]*(\d+(\.\d+)? %|no data)$/);
      await screenshot(page, 'card-my-objectives');
      const stranger = await open('/companies/1001/objectives?userId=1');
      expect(await stranger.page.locator('.error-state').innerText()).toContain('not a HubSpot owner known to cs-health');
    });

    it('retention target: status, the stage check once, the stage label and the rep\'s weighted open pipeline', async () => {
      // An open sales deal of the demo portal, found through the sandbox's own CRM API.
      const deals = await fetch(`${demo.sandboxUrl}/crm/v3/objects/deals?limit=100&properties=dealstage,pipeline,hubspot_owner_id`, { headers: { authorization: 'Bearer sandbox-demo-token' } })
        .then((response) => response.json() as Promise<{ results: { id: string; properties: Record<string, string | null> }[] }>);
      const deal = deals.results.find((d) => d.properties.pipeline === 'default' && d.properties.hubspot_owner_id && !['closedwon', 'closedlost'].includes(d.properties.dealstage ?? 'closedlost'));
      expect(deal).toBeDefined();
      const { page } = await open(`/deals/${deal?.id}`);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/Retention target[\s\S]*(On track|At risk|Missed|Not won|does not count)/i);
      expect(text.match(/Stage check/gi)).toHaveLength(1);
      expect(text).toMatch(/\nStage\n\S/i);
      const pipeline = /open pipeline\s*([\d,]+) weighted of ([\d,]+) \((\d+) open deals/i.exec(text);
      expect(Number(pipeline?.[3])).toBeGreaterThan(0);
      expect(Number(pipeline?.[1].replace(/,/g, ''))).toBeLessThanOrEqual(Number(pipeline?.[2].replace(/,/g, '')));
      await screenshot(page, 'card-retention-target');
    });

    it('the attainment table names distinct CSMs (the demo team is not one family)', async () => {
      const { page } = await open('/');
      expect(await page.locator('#attainment tr').count()).toBeGreaterThan(2);
      const csms = (await page.locator('#attainment tr td:first-child').allTextContents()).filter(Boolean);
      expect(new Set(csms.map((n) => n.split(' ').slice(1).join(' '))).size).toBe(csms.length);
    });
  });

  describe('names and errors', () => {
    it('shows a name with "&" and "<" whole, in the title and the heading, escaped once', async () => {
      const name = 'Smith & Sons <Ltd> "Ü"';
      // An active customer from the portfolio is renamed (a company with no data answers an empty state, without its name).
      const { page: home } = await open('/');
      const href = (await home.locator('#at-risk a').first().getAttribute('href')) ?? '';
      const created = { id: /\/companies\/(\d+)/.exec(href)?.[1] ?? '' };
      expect(created.id).not.toBe('');
      await fetch(`${demo.sandboxUrl}/crm/v3/objects/companies/${created.id}`, {
        method: 'PATCH',
        headers: { authorization: 'Bearer sandbox-demo-token', 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { name } }),
      });
      const page = await browser.newPage();
        const response = await page.goto(`${demo.previewUrl}/companies/${created.id}`);
      expect(await page.title()).toBe(`${name} · cs-health preview`);
      expect(await page.locator('h2').textContent()).toBe(`${name} · Customer health`);
      expect(await response?.text()).toContain('Smith &amp; Sons &lt;Ltd&gt;');
    });

    it('answers an unknown company with a readable error page', async () => {
      const { page, status } = await open('/companies/987654321');
      expect(status).toBe(404);
      expect(await page.locator('.error-state').innerText()).toContain('was not found');
      await screenshot(page, 'error-company-not-found');
    });
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
