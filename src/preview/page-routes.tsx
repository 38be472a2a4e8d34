import type { Router } from 'express';
import { cardError, type CardDependencies } from '../app/card-dependencies';
import { ChurnPage, FeedbackPage, HomePage, NotFoundPage, RetentionPage, type PageProps } from '../../extensions/pages/components/portfolio-pages';
import { pageStateOf } from '../../extensions/pages/hooks/page-state';
import type { PortfolioPageView } from '../views/pages/portfolio-page-view';
import type { PreviewViewer } from '../app/pages/page-audience';
import { portfolioPageFromStore, type PageStore } from '../app/pages/portfolio-page-from-store';
import { engineStateFrom } from '../app/engine-state';
import { PreviewPage, renderPage } from './preview-pages';
import { renderCard } from './render-card';

/** The app pages by their path under `/pages`, as `Pages.tsx` routes them inside HubSpot. */
const PAGES: Record<string, { title: string; Page: (props: PageProps) => JSX.Element }> = {
  '': { title: 'Customer success portfolio', Page: HomePage },
  retention: { title: 'Net and gross revenue retention', Page: RetentionPage },
  feedback: { title: 'NPS and CSAT', Page: FeedbackPage },
  churn: { title: 'Churn reasons, service value and the churn model', Page: ChurnPage },
};

/** `PageLink to="/retention"` -> `/pages/retention?userId=…`: the viewer stays the same across pages. */
const hrefFor = (userId: string | undefined) => (to: string) => `/pages${to === '/' ? '' : to}${userId === undefined ? '' : `?userId=${encodeURIComponent(userId)}`}`;

function ViewerPicker({ viewers, current, path }: { viewers: PreviewViewer[]; current: number | undefined; path: string }) {
  return (
    <nav className="viewer-picker" aria-label="View as">
      View as:{' '}
      {viewers.map((v) => (
        <a key={v.userId} href={`${path}?userId=${v.userId}`} className={v.userId === current ? 'current' : undefined}>
          {`${v.name}${v.role === 'cs_manager' ? ' (manager)' : ''}`}
        </a>
      ))}
    </nav>
  );
}

/**
 * The app pages in the local preview: the same `extensions/pages` component trees, drawn by
 * HubSpot's renderer at the `pages` extension point, for the answer the backend gives from the
 * store (`portfolioPageFromStore`) to the viewer chosen with `?userId=` (HubSpot signs the real
 * user into the page's fetch). Without a `userId` the first manager is shown; an unknown one gets
 * the page's error state (403).
 */
export function addPageRoutes(router: Router, deps: CardDependencies, store: PageStore): void {
  const engineState = engineStateFrom(store, { ttlMs: 0 });
  router.get(['/pages', '/pages/:page'], async (req, res, next) => {
    try {
      const key = (req.params as { page?: string }).page ?? '';
      const known = PAGES[key];
      const raw = typeof req.query.userId === 'string' ? req.query.userId : undefined;
      const userId = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
      const engine = await engineState();
      const { answer, viewers } = await portfolioPageFromStore({ store, portalContext: deps.portalContext, state: { ...engine, plans: engine.plans ?? deps.plans }, asOf: deps.now(), userId });
      if (raw === undefined && viewers.length) {
        res.redirect(302, `${req.path}?userId=${viewers[0].userId}`);
        return;
      }
      const state = pageStateOf<PortfolioPageView>(answer);
      const body = known ? <known.Page state={state} /> : <NotFoundPage />;
      res
        .status(!known ? 404 : answer.status === 'error' ? 403 : 200)
        .type('html')
        .send(
          renderPage(
            <PreviewPage title={known?.title ?? 'Page not found'}>
              <ViewerPicker viewers={viewers} current={userId} path={req.path} />
              {renderCard('pages', body, { pageHref: hrefFor(raw) })}
            </PreviewPage>,
          ),
        );
    } catch (error) {
      // HubSpot unreachable or refusing: the page's own error state, with the reason in words.
      const answer = cardError<PortfolioPageView>(error);
      const unavailable = answer.status === 'error' && answer.code === 'UNAVAILABLE';
      const known = PAGES[(req.params as { page?: string }).page ?? ''];
      try {
        res.status(unavailable ? 503 : 500).type('html').send(renderPage(<PreviewPage title={known?.title ?? 'Page not found'}>{renderCard('pages', known ? <known.Page state={pageStateOf<PortfolioPageView>(answer)} /> : <NotFoundPage />)}</PreviewPage>));
      } catch (failure) {
        next(failure);
      }
    }
  });
}
