import type { PortalContext } from '../../hubspot';
import type { Store } from '../../store/store';
import type { CardResponse } from '../../views/card-response';
import type { PortfolioPageView } from '../../views/pages/portfolio-page-view';
import type { EngineState } from '../engine-state';
import { periodKey, quarterOf } from '../../statements/period-key';
import { attainmentsFromStatements } from './page-attainments';
import { pageAudience, type PreviewViewer } from './page-audience';
import { portfolioPage } from './portfolio-page';
import { portfolioPageInput, type CustomerSource } from './portfolio-page-input';

/** The honest answer of a store no sync has filled: what to do, not a page of zeros. */
export const NO_SYNC_YET = 'No sync has run yet: run `cs-health sync` to fill the store (the pages answer from it, never by reading the whole portal).';

export type PageStore = Pick<Store, 'companies' | 'models' | 'settings' | 'statements'>;

/**
 * The items of `source`, asking for the next one as soon as one is handed out: on PostgreSQL the
 * server reads and sends the next page of records while this process scores the current one.
 */
async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const item = await next;
    if (item.done) return;
    next = iterator.next();
    // Marked handled now; the rejection still surfaces at the `await` above on the next turn.
    next.catch(() => undefined);
    yield item.value;
  }
}

/** The store's company records as a page source, one page of records at a time (the next one already asked for). */
export const storeSource =
  (store: Pick<Store, 'companies'>): CustomerSource =>
  async function* (filter) {
    for await (const records of prefetched(store.companies.pages(filter))) yield records.map((r) => r.customer);
  };

/**
 * The app pages' answer from the store, without reading the portal: the viewer and their scope
 * from the cached portal context and the settings' admins, then only that scope's company records,
 * assessed with `state`, with the latest churn model's report. A store without records answers
 * {@link NO_SYNC_YET}; an unknown viewer is refused before anything is read.
 */
export async function portfolioPageFromStore(options: { store: PageStore; portalContext: () => Promise<PortalContext>; state: Pick<EngineState, 'config' | 'model' | 'plans'>; asOf: Date; userId: number | undefined }): Promise<{ answer: CardResponse<PortfolioPageView>; viewers: PreviewViewer[] }> {
  const { store } = options;
  const [context, settings] = await Promise.all([options.portalContext(), store.settings.current()]);
  const audience = pageAudience(context, options.state.plans, options.userId, settings?.document.admins ?? []);
  // The sync's period statements are the attainment of record; until a sync has computed them, each visible book's own.
  const [statements, model] = await Promise.all([store.statements.forPeriod(periodKey(options.state.plans?.period ?? quarterOf(options.asOf))), store.models.latest()]);
  const input = await portfolioPageInput(options.state, audience, storeSource(store), options.asOf, statements.length ? attainmentsFromStatements(statements) : undefined);
  const answer = portfolioPage({ ...input, ...(model ? { model: { version: model.version, fittedAt: model.fittedAt, report: model.report } } : {}) });
  if (answer.status === 'empty' && (await store.companies.count()) === 0) return { answer: { status: 'empty', message: NO_SYNC_YET }, viewers: audience.viewers };
  return { answer, viewers: audience.viewers };
}
