import type { ReactNode } from 'react';
import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { PageState, PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';

/** Loading, error and empty states shared by every page; the data state draws `children(view)`. */
export function PageFrame({ state, onRetry, children }: { state: PageState<PortfolioPageView>; onRetry?: () => void; children: (view: PortfolioPageView) => ReactNode }) {
  if (state.status === 'loading') return <LoadingSpinner label="Loading the portfolio..." layout="centered" />;
  if (state.status === 'error') {
    return (
      <ErrorState title="The portfolio could not be shown">
        <Text>{state.message}</Text>
        {onRetry && <Button onClick={() => onRetry()}>Try again</Button>}
      </ErrorState>
    );
  }
  if (state.status === 'empty') return <EmptyState title="No customers to show yet" imageName="customerExperience"><Text>{state.message}</Text></EmptyState>;
  return <>{children(state.view)}</>;
}
