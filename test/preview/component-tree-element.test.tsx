import { BarChart, LineChart, ProgressBar } from '@hubspot/ui-extensions';
import { PageLink } from '@hubspot/ui-extensions/pages';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderCard } from '../../src/preview/render-card';

/** HubSpot components through HubSpot's renderer, then the preview's HTML: what the browser gets. */
const html = (element: JSX.Element, location: 'pages' | 'crm.record.tab' = 'pages', pageHref?: (to: string) => string) =>
  renderToStaticMarkup(<>{renderCard(location, element, { pageHref })}</>);

describe('the preview draws HubSpot components', () => {
  it('a BarChart: one bar per row, each with its figure', () => {
    const out = html(
      <BarChart
        data={[{ band: 'Healthy', customers: 73 }, { band: 'Neutral', customers: 10 }, { band: 'At risk', customers: 21 }]}
        axes={{ x: { field: 'band', fieldType: 'category' }, y: { field: 'customers', fieldType: 'linear' } }}
        options={{ title: 'Active customers by health band' }}
      />,
    );
    expect(out).toContain('data-bars="3"');
    expect([...out.matchAll(/class="bar-value"[^>]*>(\d+)</g)].map((m) => Number(m[1]))).toEqual([73, 10, 21]);
    expect(out).toContain('<figcaption>Active customers by health band</figcaption>');
  });

  it('a LineChart grouped by a field: one line per group, in the order the data names them', () => {
    const data = ['2026-09', '2026-10', '2026-11'].flatMap((month, i) => [
      { month, metric: 'NRR', percent: 100 + i },
      { month, metric: 'GRR', percent: 90 - i },
    ]);
    const out = html(<LineChart data={data} axes={{ x: { field: 'month', fieldType: 'category' }, y: { field: 'percent', fieldType: 'linear' }, options: { groupFieldByColor: 'metric' } }} options={{ title: 'NRR and GRR' }} />);
    expect(out).toContain('data-series="2"');
    expect([...out.matchAll(/data-series-name="([^"]+)"/g)].map((m) => m[1])).toEqual(['NRR', 'GRR']);
    expect(out).toContain('<title>GRR 2026-11: 88</title>');
    // The y range comes from the data, not a fixed 0-100: a retention of 102 % is drawn, not clipped.
    expect(out).toContain('>102<');
  });

  it('a LineChart with a single x value writes its point out instead of a line', () => {
    const out = html(<LineChart data={[{ d: '2026-11-01', s: 50 }]} axes={{ x: { field: 'd', fieldType: 'datetime', label: 'Day' }, y: { field: 's', fieldType: 'linear', label: 'Score' } }} />);
    expect(out).not.toContain('<svg');
    expect(out).toContain('Score 2026-11-01: 50');
  });

  it('a ProgressBar shows its title and value beside the bar', () => {
    const out = html(<ProgressBar title="individual: 23 %" value={23} maxValue={150} valueDescription="23 %" />, 'crm.record.tab');
    expect(out).toMatch(/<span class="progress-title">individual: 23 %<\/span><progress value="23" max="150"[^>]*><\/progress><span class="progress-value">23 %<\/span>/);
  });

  it('a PageLink points at the preview\'s own page for that route', () => {
    const out = html(<PageLink to="/retention">Retention</PageLink>, 'pages', (to) => `/pages${to}?userId=7`);
    expect(out).toContain('<a class="page-link" href="/pages/retention?userId=7">Retention</a>');
  });
});
