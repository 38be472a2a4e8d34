import { Router, type NextFunction, type Request, type Response } from 'express';
import { cardError, type CardDependencies } from '../app/card-dependencies';
import { customerHealthCard } from '../app/cards/customer-health-handler';
import { retentionTargetCard } from '../app/cards/retention-target-handler';
import { myObjectivesCard } from '../app/cards/my-objectives-handler';
import { MyObjectivesCardView } from '../../extensions/cards/components/my-objectives-card-view';
import { RetentionTargetCardView } from '../../extensions/cards/components/retention-target-card-view';
import { CustomerHealthCardView } from '../../extensions/cards/components/customer-health-card-view';
import { cardStateOf, type CardState } from '../../extensions/cards/types/card-state';
import type { HealthCardExtras } from '../../extensions/cards/components/card-extras';
import { assessCustomer } from '../domain/assessment/assess-customer';
import { readCustomers } from '../hubspot';
import type { CustomerHealthView } from '../views/customer-health-view';
import { NO_SYNC_YET, storeSource, type PageStore } from '../app/pages/portfolio-page-from-store';
import { addPageRoutes } from './page-routes';
import { healthCardExtras, HISTORY_DAYS } from './health-card-extras';
import { objectivesCardExtras } from './objectives-card-extras';
import { loadPortfolio } from './portfolio';
import { retentionCardExtras } from './retention-card-extras';
import { PortfolioPage, PreviewPage, renderPage } from './preview-pages';
import { renderCard } from './render-card';

/** The health card's new parts for one company (the preview reads the company once more for them). */
async function previewHealthExtras(deps: CardDependencies, id: string): Promise<HealthCardExtras | undefined> {
  const context = await deps.portalContext();
  const [customer] = await readCustomers(deps.gateway, context, deps.config.mapping, [id], { withHealthHistory: true });
  return customer && healthCardExtras(customer, assessCustomer(customer, deps.config, deps.now(), deps.model), deps.config, context.owners);
}

/**
 * The local preview: the app home, the app pages (`/pages`) and each card for any sandbox record, drawn from the component
 * tree the real card produces for the real function's answer.
 */
export function previewRoutes(deps: CardDependencies, store: PageStore): Router {
  const router = Router();
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  // The app home answers from the store's company records, as the app pages do; the portal only for owner names (cached).
  router.get('/', async (_req, res, next) => {
    try {
      const context = await deps.portalContext();
      if ((await store.companies.count()) === 0) {
        res.type('html').send(renderPage(<PreviewPage title="Portfolio"><div className="empty-state" role="status">{NO_SYNC_YET}</div></PreviewPage>));
        return;
      }
      const portfolio = await loadPortfolio(storeSource(store)({}), context, deps.config, deps.now());
      res.type('html').send(renderPage(<PortfolioPage portfolio={portfolio} />));
    } catch (error) {
      next(error);
    }
  });
  addPageRoutes(router, deps, store);
  router.get('/companies/:id', async (req, res, next) => {
    try {
      const answer = await customerHealthCard(deps, { recordId: req.params.id }, { email: 'preview@localhost' });
      const extras = answer.status === 'ok' ? await previewHealthExtras(deps, req.params.id) : undefined;
      const state: CardState<CustomerHealthView & HealthCardExtras> = answer.status === 'ok' ? { status: 'ready', view: { ...answer.view, ...extras } } : cardStateOf(answer);
      const title = answer.status === 'ok' ? answer.view.companyName : `Company ${req.params.id}`;
      res
        .status(answer.status === 'error' && answer.code === 'NOT_FOUND' ? 404 : 200)
        .type('html')
        .send(
          renderPage(
            <PreviewPage title={title}>
              <h2>{title} · Customer health</h2>
              {renderCard('crm.record.tab', <CustomerHealthCardView state={state} />)}
              {extras && <p className="preview-note">Preview note: the score history and the ledger are replayed from the records for each of the last {HISTORY_DAYS} days (the demo's store holds only today's snapshot); the follow-up buttons act only inside HubSpot.</p>}
            </PreviewPage>,
          ),
        );
    } catch (error) {
      next(error);
    }
  });
  // The viewer is chosen with ?userId= (HubSpot passes the signed-in user to the real card).
  router.get('/companies/:id/objectives', async (req, res, next) => {
    try {
      const userId = Number(req.query.userId);
      const answer = await myObjectivesCard(deps, { recordId: req.params.id }, { userId: Number.isFinite(userId) ? userId : undefined });
      res.type('html').send(
        renderPage(
          <PreviewPage title="My objectives">
            <h2>My objectives (user {Number.isFinite(userId) ? userId : 'unknown'})</h2>
            {renderCard('crm.record.sidebar', <MyObjectivesCardView state={answer.status === 'ok' ? { status: 'ready', view: { ...answer.view, ...objectivesCardExtras(answer.view) } } : cardStateOf(answer)} />)}
          </PreviewPage>,
        ),
      );
    } catch (error) {
      next(error);
    }
  });
  router.get('/deals/:id', async (req, res, next) => {
    try {
      const answer = await retentionTargetCard(deps, { recordId: req.params.id }, { email: 'preview@localhost' });
      const extras = answer.status === 'ok' ? await retentionCardExtras(deps, req.params.id) : {};
      const title = answer.status === 'ok' ? answer.view.dealName : `Deal ${req.params.id}`;
      res
        .status(answer.status === 'error' && answer.code === 'NOT_FOUND' ? 404 : 200)
        .type('html')
        .send(
          renderPage(
            <PreviewPage title={title}>
              <h2>{title} · Retention target</h2>
              {renderCard('crm.record.sidebar', <RetentionTargetCardView state={answer.status === 'ok' ? { status: 'ready', view: { ...answer.view, ...extras } } : cardStateOf(answer)} />)}
            </PreviewPage>,
          ),
        );
    } catch (error) {
      next(error);
    }
  });
  // Whatever a route could not answer (HubSpot unreachable, a bad token) becomes a page a person
  // can read, never Express's stack-trace page.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const answer = cardError<never>(error);
    const message = answer.status === 'error' ? answer.message : 'Something went wrong.';
    res
      .status(answer.status === 'error' && answer.code === 'UNAVAILABLE' ? 503 : 500)
      .type('html')
      .send(
        renderPage(
          <PreviewPage title="cs-health could not answer">
            <div className="error-state" role="alert"><strong>cs-health could not answer</strong><p>{message}</p></div>
          </PreviewPage>,
        ),
      );
  });
  return router;
}
