import { useEffect, useRef, useState } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import type { PageState, PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';
import { BACKEND_URL, PORTFOLIO_PAGE_PATH } from '../config/backend';
import { pageStateOf } from './page-state';

/**
 * Fetches the portfolio for the viewer through `hubspot.fetch`, which signs the request and adds
 * the HubSpot user id: the backend decides what this person may see, not the page. A late answer
 * to an older request is ignored.
 */
export function usePortfolioPage(): { state: PageState<PortfolioPageView>; reload: () => void } {
  const [state, setState] = useState<PageState<PortfolioPageView>>({ status: 'loading' });
  const latest = useRef(0);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    void (async () => {
      let next: PageState<PortfolioPageView>;
      try {
        const response = await hubspot.fetch(`${BACKEND_URL}${PORTFOLIO_PAGE_PATH}`, { method: 'GET', timeout: 15_000 });
        next = pageStateOf<PortfolioPageView>(await response.json().catch(() => undefined));
      } catch {
        next = { status: 'error', message: 'The page could not reach cs-health. Try again in a moment.' };
      }
      if (request === latest.current) setState(next);
    })();
  }, [round]);
  return { state, reload: () => setRound((n) => n + 1) };
}
