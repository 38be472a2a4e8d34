import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Portfolio } from './portfolio';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f5f8fa;color:#33475b}
header{background:#2d3e50;color:#fff;padding:12px 24px}header a{color:#fff;margin-right:16px}
main{max-width:1100px;margin:24px auto;background:#fff;padding:24px;border:1px solid #cbd6e2;border-radius:4px}
.flex{display:flex;gap:12px}.flex-column{flex-direction:column}.flex-row{flex-direction:row;align-items:center;flex-wrap:wrap}
.tag{display:inline-block;align-self:flex-start;padding:2px 8px;border-radius:3px;font-size:12px;text-transform:uppercase;background:#eaf0f6}
.tag-success{background:#e5f8f6;color:#00a38d}.tag-warning{background:#fef8f0;color:#c87a00}.tag-error{background:#fde8e9;color:#d94c53}
.score-circle{width:72px;height:72px;border-radius:50%;border:6px solid #0091ae;display:flex;align-items:center;justify-content:center;font-size:24px;font-weight:bold}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eaf0f6;padding:6px;text-align:left;font-size:14px}
.statistics{display:flex;gap:24px;flex-wrap:wrap}.stat-label{font-size:12px;text-transform:uppercase}.stat-number{font-size:22px;font-weight:600}
.microcopy{font-size:12px;color:#7c98b6}.alert{background:#e5f5f8;padding:8px;border-left:4px solid #0091ae}
.error-state,.empty-state{padding:16px;border:1px dashed #cbd6e2}dl{display:flex;gap:24px}dt{font-size:12px;text-transform:uppercase}dd{margin:0}
.bar{height:14px;background:#0091ae;display:inline-block}
h1.page-title{font-size:24px;margin:0 0 4px}a.page-link{color:#0091ae;font-weight:600}
.viewer-picker{font-size:13px;margin-bottom:16px;padding-bottom:8px;border-bottom:1px solid #eaf0f6}.viewer-picker a{margin-right:10px;color:#0091ae}.viewer-picker a.current{font-weight:bold;color:#33475b}
.chart{margin:8px 0}.chart figcaption{font-weight:600;margin-bottom:4px}.chart svg text{font-size:11px;fill:#516f90}.chart-range{font-size:12px;color:#7c98b6}
.chart-legend{font-size:12px}.chart-legend span{margin-right:12px}.chart-legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.progress{display:flex;gap:8px;align-items:center;font-size:13px}.progress progress{width:200px}.preview-note{font-size:12px;color:#7c98b6;font-style:italic}
.field{display:block;font-size:13px}button{padding:6px 12px;border:1px solid #cbd6e2;background:#fff;border-radius:3px}`;

/** A whole preview page as HTML: react-dom/server escapes every name and value (the one escape path). */
export function renderPage(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(<>{element}</>)}`;
}

/** The frame of every preview page: the title (names shown whole, "&" included), the header and the body. */
export function PreviewPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`${title} · cs-health preview`}</title>
        {/* A constant of this file, never data: */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <strong>cs-health preview</strong> &nbsp; <a href="/">Portfolio</a> <a href="/pages">App pages</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}

const percent = (value: number | undefined) => (value === undefined ? 'no data' : `${value.toFixed(1)} %`);

/** The app home: health distribution, NRR/GRR trend, at-risk list, attainment by CSM and detractor follow-ups due. */
export function PortfolioPage({ portfolio: p }: { portfolio: Portfolio }) {
  const { summary } = p;
  const total = Math.max(summary.customers, 1);
  const companyLink = (id: string) => <a href={`/companies/${encodeURIComponent(id)}`}>{p.names.get(id) ?? `Company ${id}`}</a>;
  return (
    <PreviewPage title="Portfolio">
      <h2>Portfolio: {summary.customers} companies</h2>
      <h3>Health distribution</h3>
      <table id="bands">
        <tbody>
          <tr><th>Band</th><th>Companies</th><th></th></tr>
          {(['healthy', 'neutral', 'at_risk'] as const).map((band) => (
            <tr key={band}>
              <td>{band.replace('_', ' ')}</td>
              <td>{summary.bands[band]}</td>
              <td><span className="bar" style={{ width: `${Math.round((summary.bands[band] / total) * 300)}px` }}></span></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>NRR and GRR, trailing 12 months</h3>
      <table id="retention">
        <tbody>
          <tr><th>Month end</th><th>NRR</th><th>GRR</th></tr>
          {p.retentionTrend.map((t) => (
            <tr key={t.month}><td>{t.month}</td><td>{percent(t.nrr)}</td><td>{percent(t.grr)}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>At risk, by MRR at stake</h3>
      <table id="at-risk">
        <tbody>
          <tr><th>Company</th><th>Health</th><th>Churn risk</th><th>MRR</th><th>CSM</th><th>Top reason</th></tr>
          {summary.atRisk.length === 0 ? (
            <tr><td colSpan={6}>No company at risk.</td></tr>
          ) : (
            summary.atRisk.map((r) => (
              <tr key={r.customerId}>
                <td>{companyLink(r.customerId)}</td>
                <td>{r.score}</td>
                <td>{r.risk}</td>
                <td>{Math.round(r.mrr).toLocaleString('en-US')}</td>
                <td>{p.owners.get(p.ownerOf.get(r.customerId) ?? '') ?? 'unassigned'}</td>
                <td>{r.topReason ?? ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <h3>Attainment by CSM (individual level, last 3 months, manager view)</h3>
      <table id="attainment">
        <tbody>
          <tr><th>CSM</th><th>Accounts</th><th>Attainment</th></tr>
          {p.attainmentByCsm.map((a, index) => (
            <tr key={index}><td>{a.name}</td><td>{a.accounts}</td><td>{a.attainment === undefined ? 'no data' : `${Math.round(a.attainment)} %`}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>Detractor follow-ups due</h3>
      <table id="followups">
        <tbody>
          <tr><th>Company</th><th>Call before</th></tr>
          {summary.followUpsDue.length === 0 ? (
            <tr><td colSpan={2}>None open.</td></tr>
          ) : (
            summary.followUpsDue.slice(0, 20).map((f) => (
              <tr key={f.customerId}><td>{companyLink(f.customerId)}</td><td>{f.due.toISOString().slice(0, 16).replace('T', ' ')} UTC</td></tr>
            ))
          )}
        </tbody>
      </table>
    </PreviewPage>
  );
}
