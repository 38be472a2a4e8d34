import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import { PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import type { PageState, PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';
import { AtRiskSection, FollowUpsSection } from './at-risk-section';
import { AttainmentSection, ChurnReasonsSection, ModelReportSection, ServiceValueSection } from './churn-section';
import { FeedbackSection } from './feedback-section';
import { HealthSection } from './health-section';
import { PageFrame } from './page-frame';
import { RetentionSection } from './retention-section';

export interface PageProps {
  state: PageState<PortfolioPageView>;
  onRetry?: () => void;
}

function Scope({ view }: { view: PortfolioPageView }) {
  return <Text variant="microcopy">{`${view.scope.label}: ${view.scope.customers} companies, ${view.scope.owners} ${view.scope.owners === 1 ? 'owner' : 'owners'}. Computed ${view.asOf.slice(0, 16).replace('T', ' ')} UTC.`}</Text>;
}

function Navigation() {
  return (
    <Flex direction="row" gap="md">
      <PageLink to="/">Overview</PageLink>
      <PageLink to="/retention">Retention</PageLink>
      <PageLink to="/feedback">NPS and CSAT</PageLink>
      <PageLink to="/churn">Churn and service value</PageLink>
    </Flex>
  );
}

/** The home page: health distribution, at-risk customers by MRR, follow-ups due, attainment the viewer may see. */
export function HomePage({ state, onRetry }: PageProps) {
  return (
    <Flex direction="column" gap="md">
      <PageTitle>Customer success portfolio</PageTitle>
      <Navigation />
      <PageFrame state={state} onRetry={onRetry}>
        {(view) => (
          <Flex direction="column" gap="md">
            <Scope view={view} />
            <HealthSection view={view} />
            <Divider />
            <AtRiskSection view={view} />
            <Divider />
            <FollowUpsSection view={view} />
            <AttainmentSection view={view} />
          </Flex>
        )}
      </PageFrame>
    </Flex>
  );
}

export function RetentionPage({ state, onRetry }: PageProps) {
  return (
    <Flex direction="column" gap="md">
      <PageTitle>Net and gross revenue retention</PageTitle>
      <Navigation />
      <PageFrame state={state} onRetry={onRetry}>{(view) => <Flex direction="column" gap="md"><Scope view={view} /><RetentionSection view={view} /></Flex>}</PageFrame>
    </Flex>
  );
}

export function FeedbackPage({ state, onRetry }: PageProps) {
  return (
    <Flex direction="column" gap="md">
      <PageTitle>NPS and CSAT</PageTitle>
      <Navigation />
      <PageFrame state={state} onRetry={onRetry}>{(view) => <Flex direction="column" gap="md"><Scope view={view} /><FeedbackSection view={view} /></Flex>}</PageFrame>
    </Flex>
  );
}

export function ChurnPage({ state, onRetry }: PageProps) {
  return (
    <Flex direction="column" gap="md">
      <PageTitle>Churn reasons, service value and the churn model</PageTitle>
      <Navigation />
      <PageFrame state={state} onRetry={onRetry}>
        {(view) => (
          <Flex direction="column" gap="md">
            <Scope view={view} />
            <ChurnReasonsSection view={view} />
            <Divider />
            <ServiceValueSection view={view} />
            <Divider />
            <ModelReportSection view={view} />
          </Flex>
        )}
      </PageFrame>
    </Flex>
  );
}

export function NotFoundPage() {
  return (
    <Flex direction="column" gap="md">
      <PageTitle>Page not found</PageTitle>
      <Navigation />
    </Flex>
  );
}
