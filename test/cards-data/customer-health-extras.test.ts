import type { CompanySnapshot } from '../../src/store/store';
import { ANA, chainMeasuring, NOW, withCardsBackend } from './card-data-harness';

const snapshot = (day: string, score: number, supportLoad: number, extra: Partial<CompanySnapshot> = {}): CompanySnapshot => ({
  companyId: '1',
  day,
  score,
  band: score >= 70 ? 'healthy' : 'neutral',
  riskLevel: 'low',
  riskScore: 10,
  components: { usage: 60, supportLoad, sentiment: 40 },
  settingsVersion: 0,
  modelVersion: null,
  ...extra,
});

/** Company 1's stored days: steady at 80, a drop to 62 on 2026-11-18 (support load 90 -> 30), then a CSM override. */
const STORED: CompanySnapshot[] = [
  snapshot('2025-11-20', 99, 99), // 366 days before the card's day: outside the year the card shows
  snapshot('2026-11-16', 80, 90),
  snapshot('2026-11-17', 81, 90),
  snapshot('2026-11-18', 62, 30),
  snapshot('2026-11-19', 75, 30, { override: { score: 75, reason: 'Exec sponsor re-engaged', author: 'ana@example.com', expiresAt: '2026-12-19T00:00:00.000Z' } }),
];

describe('the Customer health card carries its history, ledger and follow-up from the backend', () => {
  it("shows the store's daily snapshots of the last year, the override day marked, and a ledger entry for the planted drop with the ticket behind it", async () => {
    await withCardsBackend(async ({ call, store }) => {
      await store.snapshots.write(STORED);
      const answer = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' });
      expect(answer.status).toBe(200);
      const view = answer.json.view;
      expect(view.historySource).toBe('store');
      expect(view.snapshots.map((d: { day: string }) => d.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']);
      expect(view.snapshots[3].override).toEqual({ score: 75, reason: 'Exec sponsor re-engaged', author: 'ana@example.com' });
      expect(view.snapshots[0].override).toBeUndefined();
      expect(view.ledger.minPoints).toBe(5);
      // Newest first: the override raised it, the components dropped it; the 1-point move is below the threshold.
      expect(view.ledger.changes.map((c: { toDay: string; change: number; cause: string }) => [c.toDay, c.change, c.cause])).toEqual([
        ['2026-11-19', 13, 'override_set'],
        ['2026-11-18', -19, 'components'],
      ]);
      const drop = view.ledger.changes[1];
      expect(drop.movers[0]).toEqual({ key: 'supportLoad', from: 90, to: 30, change: -60 });
      expect(drop.records).toEqual([expect.objectContaining({ kind: 'ticket_opened', id: '300001' })]);
      expect(view.componentLabels.supportLoad).toBe('Support load');
      expect(view.followUp).toEqual({ due: '2026-11-17T09:00:00.000Z', overdue: true, ownerName: 'Ana Csm' });
      expect(Buffer.byteLength(answer.text)).toBeLessThan(1_000_000);
    });
  });

  it('without snapshots in the store, draws the cs_health_score property history and says so', async () => {
    await withCardsBackend(async ({ call, store }) => {
      await store.snapshots.write(STORED); // company 1's days only: company 2 has none
      const view = (await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '2' })).json.view;
      expect(view.historySource).toBe('property_history');
      expect(view.snapshots).toBeUndefined();
      expect(view.history.map((p: { score: number }) => p.score)).toEqual(expect.arrayContaining([78, 70, 55]));
      // The ledger reads the property history's days: moves of 5 points or more, newest first, no components claimed.
      expect(view.ledger.changes.map((c: { fromDay: string; toDay: string; change: number; movers: unknown[] }) => [c.fromDay, c.toDay, c.change, c.movers])).toEqual([
        ['2026-10-20', '2026-11-10', -15, []],
        ['2026-10-01', '2026-10-20', -8, []],
      ]);
      expect(view.followUp).toEqual({ due: '2026-11-21T09:00:00.000Z', overdue: false, ownerName: 'Ana Csm' });
    });
  });

  it('answers a view within 3 sequential HubSpot round-trips (company, follow-up tasks and store read side by side)', async () => {
    let measured: ReturnType<typeof chainMeasuring> | undefined;
    await withCardsBackend(
      async ({ call, store }) => {
        await store.snapshots.write(STORED);
        // The first render also reads the portal's owners and pipelines, cached for the next renders.
        expect((await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' })).status).toBe(200);
        measured!.resetChain();
        const before = measured!.callCounts()['tasks.search'] ?? 0;
        expect((await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' })).status).toBe(200);
        expect(measured!.chain()).toBeGreaterThan(0);
        expect(measured!.chain()).toBeLessThanOrEqual(3);
        expect(measured!.callCounts()['tasks.search']).toBe(before + 1);
      },
      (gateway) => (measured = chainMeasuring(gateway)),
    );
  });

  it('a full year of daily snapshots, each a move, stays under the 1 MB hubspot.fetch limit; the ledger threshold is configurable', async () => {
    await withCardsBackend(async ({ call, store }) => {
      const year = Array.from({ length: 365 }, (_, i) => {
        const day = new Date(Date.UTC(2026, 10, 20) - (364 - i) * 86_400_000).toISOString().slice(0, 10);
        return snapshot(day, i % 2 ? 50 : 90, i % 2 ? 10 : 95);
      });
      await store.snapshots.write(year);
      const full = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' });
      expect(full.json.view.snapshots).toHaveLength(365);
      expect(full.json.view.snapshots[0].day).toBe('2025-11-21');
      expect(full.json.view.ledger.changes).toHaveLength(364);
      expect(Buffer.byteLength(full.text)).toBeLessThan(1_000_000);

      // An admin raises the ledger's threshold in the settings: the very next card reads it from the store.
      await store.settings.save({ engine: { health: { ledgerMinPoints: 41 } } }, { kind: 'cli', id: 'test' }, NOW);
      const strict = (await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' })).json.view.ledger;
      expect(strict).toEqual({ minPoints: 41, changes: [] });
    });
  });
});
