import { hubspot } from '@hubspot/ui-extensions';
import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';
import { ChurnPage, FeedbackPage, HomePage, NotFoundPage, RetentionPage, type PageProps } from './components/portfolio-pages';
import { usePortfolioPage } from './hooks/use-portfolio-page';

/** Each routed page fetches the viewer's portfolio once and draws its part of it. */
const withData = (Page: (props: PageProps) => JSX.Element) =>
  function PageWithData() {
    const { state, reload } = usePortfolioPage();
    return <Page state={state} onRetry={reload} />;
  };

/**
 * The app pages (platform 2026.03 `pages` extension): the home page and its routed pages, with
 * HubSpot's router (`createPageRouter`, `PageRoutes`).
 */
export const PortfolioRouter = createPageRouter(
  <PageRoutes>
    <PageRoutes.IndexRoute id="home" component={withData(HomePage)} />
    <PageRoutes.Route path="/retention" component={withData(RetentionPage)} />
    <PageRoutes.Route path="/feedback" component={withData(FeedbackPage)} />
    <PageRoutes.Route path="/churn" component={withData(ChurnPage)} />
    <PageRoutes.AnyRoute component={NotFoundPage} />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <PortfolioRouter />);
