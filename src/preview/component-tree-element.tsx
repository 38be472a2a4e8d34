import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';

/**
 * Turns the component tree a card renders (through @hubspot/ui-extensions' test renderer, so it is
 * the very tree HubSpot would draw) into React DOM elements for the local preview, rendered by
 * react-dom/server: React is the one place text and attributes are escaped. Each HubSpot component
 * maps to a tag and a class; unknown ones render their children, so nothing is silently dropped.
 */
export interface TreeNode {
  nodeType: string;
  name?: string;
  text?: string | null;
  props?: Record<string, unknown>;
  childNodes?: TreeNode[];
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** How the preview resolves a page's `PageLink to="/retention"` into one of its own URLs. */
export interface TreeOptions {
  pageHref?: (to: string) => string;
}

const PALETTE = ['#0091ae', '#f5c26b', '#00a38d', '#d94c53', '#6a78d1'];

/**
 * A chart's rows grouped into series (`axes.options.groupFieldByColor`, as HubSpot groups them), the
 * x values in the order the data gives them: what both charts below draw.
 */
function chartSeries(props: Record<string, unknown>) {
  const data = (Array.isArray(props.data) ? props.data : []) as Record<string, number | string>[];
  const axes = (props.axes ?? {}) as { x?: { field: string; label?: string }; y?: { field: string; label?: string }; options?: { groupFieldByColor?: string } };
  const xField = axes.x?.field ?? 'x';
  const yField = axes.y?.field ?? 'y';
  const group = axes.options?.groupFieldByColor;
  const xs = [...new Set(data.map((row) => text(row[xField])))];
  const series = new Map<string, { x: string; y: number }[]>();
  for (const row of data) {
    const y = Number(row[yField]);
    if (!Number.isFinite(y)) continue;
    const name = group ? text(row[group]) : text(axes.y?.label ?? yField);
    series.set(name, [...(series.get(name) ?? []), { x: text(row[xField]), y }]);
  }
  const title = (props.options as { title?: string } | undefined)?.title ?? axes.y?.label ?? '';
  return { xs, series: [...series.entries()], title, xLabel: axes.x?.label ?? '', yLabel: axes.y?.label ?? '' };
}

function Legend({ names }: { names: string[] }) {
  if (names.length < 2) return null;
  return (
    <div className="chart-legend">
      {names.map((name, i) => <span key={name}><i style={{ background: PALETTE[i % PALETTE.length] }} /> {name}</span>)}
    </div>
  );
}

/** HubSpot's LineChart as SVG: one polyline per series on a shared x axis, the y range from the data. */
function LineChart({ props }: { props: Record<string, unknown> }): ReactElement | null {
  const { xs, series, title, yLabel } = chartSeries(props);
  if (series.length === 0) return null;
  // One x value makes no line: its points are written out, so nothing is silently dropped.
  if (xs.length < 2) {
    return (
      <figure className="chart line-chart" data-series={series.length} data-points={series.length}>
        <figcaption>{title}</figcaption>
        <div className="chart-range">{series.map(([name, points]) => `${name} ${points[0].x}: ${points[0].y}`).join('; ')}</div>
      </figure>
    );
  }
  const width = 640, height = 180, pad = 36;
  // At most about 12 x labels under the chart, evenly spaced, so a year of days stays readable.
  const step = Math.ceil(xs.length / 12);
  const ticks = xs.filter((_, i) => i % step === 0);
  const ys = series.flatMap(([, points]) => points.map((p) => p.y));
  const low = Math.floor(Math.min(...ys)), high = Math.ceil(Math.max(...ys));
  const span = Math.max(high - low, 1);
  const xOf = (x: string) => pad + (xs.indexOf(x) / (xs.length - 1)) * (width - 2 * pad);
  const yOf = (y: number) => height - pad / 2 - ((y - low) / span) * (height - pad);
  return (
    <figure className="chart line-chart" data-series={series.length} data-points={ys.length}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 18}`} width={width} height={height + 18} role="img" aria-label={title}>
        {ticks.map((x) => <text key={x} x={xOf(x)} y={height + 14} textAnchor="middle" className="axis">{x.length > 7 ? x.slice(5) : x}</text>)}
        <text x={2} y={yOf(high) + 4} className="axis">{high}</text>
        <text x={2} y={yOf(low) + 4} className="axis">{low}</text>
        {series.map(([name, points], i) => (
          <g key={name} data-series-name={name}>
            <polyline fill="none" stroke={PALETTE[i % PALETTE.length]} strokeWidth="2" points={points.map((p) => `${xOf(p.x)},${yOf(p.y)}`).join(' ')} />
            {points.length <= 40 && points.map((p) => <circle key={p.x} cx={xOf(p.x)} cy={yOf(p.y)} r={3} fill={PALETTE[i % PALETTE.length]}><title>{`${name} ${p.x}: ${p.y}`}</title></circle>)}
          </g>
        ))}
      </svg>
      <div className="chart-range">{yLabel ? `${yLabel}, ` : ''}{xs[0]} – {xs.at(-1)}</div>
      <Legend names={series.map(([name]) => name)} />
    </figure>
  );
}

/** HubSpot's BarChart as SVG bars, each labelled with its figure (no bar without its number). */
function BarChart({ props }: { props: Record<string, unknown> }): ReactElement | null {
  const { xs, series, title } = chartSeries(props);
  if (xs.length === 0 || series.length === 0) return null;
  const width = 640, height = 180, band = (width - 40) / xs.length;
  const high = Math.max(...series.flatMap(([, points]) => points.map((p) => p.y)), 1);
  const barWidth = (band * 0.7) / series.length;
  return (
    <figure className="chart bar-chart" data-series={series.length} data-bars={series.reduce((n, [, p]) => n + p.length, 0)}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} width={width} height={height + 20} role="img" aria-label={title}>
        {series.map(([name, points], i) => points.map((p) => {
          const x = 20 + xs.indexOf(p.x) * band + band * 0.15 + i * barWidth;
          const h = (Math.max(p.y, 0) / high) * (height - 30);
          return (
            <g key={`${name}-${p.x}`}>
              <rect x={x} y={height - h} width={barWidth} height={h} fill={PALETTE[i % PALETTE.length]} />
              <text x={x + barWidth / 2} y={height - h - 4} textAnchor="middle" className="bar-value">{p.y}</text>
            </g>
          );
        }))}
        {xs.map((x, i) => <text key={x} x={20 + i * band + band / 2} y={height + 16} textAnchor="middle" className="axis">{x}</text>)}
      </svg>
      <Legend names={series.map(([name]) => name)} />
    </figure>
  );
}

function renderChildren(node: TreeNode, options: TreeOptions): ReactNode {
  return (node.childNodes ?? []).map((child, index) => <Fragment key={index}>{treeToElement(child, options)}</Fragment>);
}

/** One HubSpot component (or text node) of the card's tree as a React DOM element. */
export function treeToElement(node: TreeNode, options: TreeOptions = {}): ReactNode {
  if (node.nodeType === 'text') return text(node.text);
  const p = node.props ?? {};
  const inner = renderChildren(node, options);
  switch (node.name) {
    case 'Flex': return <div className={`flex flex-${text(p.direction ?? 'row')}`}>{inner}</div>;
    case 'Heading': return <h3>{inner}</h3>;
    case 'Text': return <p className={`text ${text(p.variant)}`}>{inner}</p>;
    case 'Tag': return <span className={`tag tag-${text(p.variant ?? 'default')}`}>{inner}</span>;
    case 'ScoreCircle': return <div className="score-circle" data-score={text(p.score)}><span>{text(p.score)}</span></div>;
    case 'Alert': return <div className={`alert alert-${text(p.variant ?? 'info')}`} role="note"><strong>{text(p.title)}</strong> {inner}</div>;
    case 'ErrorState': return <div className="error-state" role="alert"><strong>{text(p.title ?? 'Something went wrong')}</strong>{inner}</div>;
    case 'EmptyState': return <div className="empty-state"><strong>{text(p.title)}</strong>{inner}</div>;
    case 'LoadingSpinner': return <div className="spinner">{text(p.label ?? 'Loading')}</div>;
    case 'Divider': return <hr />;
    case 'Table': return <table>{inner}</table>;
    case 'TableHead': return <thead>{inner}</thead>;
    case 'TableBody': return <tbody>{inner}</tbody>;
    case 'TableRow': return <tr>{inner}</tr>;
    case 'TableHeader': return <th>{inner}</th>;
    case 'TableCell': return <td>{inner}</td>;
    case 'List': {
      const items = (node.childNodes ?? []).map((child, index) => <li key={index}>{treeToElement(child, options)}</li>);
      return p.variant === 'ordered' ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'Statistics': return <div className="statistics">{inner}</div>;
    case 'StatisticsItem': return <div className="stat"><div className="stat-label">{text(p.label)}</div><div className="stat-number">{text(p.number)}</div>{inner}</div>;
    case 'StatisticsTrend': return <div className={`trend trend-${text(p.direction)}`}>{p.direction === 'increase' ? '▲' : '▼'} {text(p.value)}</div>;
    case 'DescriptionList': return <dl>{inner}</dl>;
    case 'DescriptionListItem': return <div className="dl-item"><dt>{text(p.label)}</dt><dd>{inner}</dd></div>;
    // HubSpot shows a ProgressBar's title and value description beside the bar: so does the preview.
    case 'ProgressBar': return (
      <div className="progress">
        <span className="progress-title">{text(p.title)}</span>
        <progress value={Number(p.value) || 0} max={Number(p.maxValue ?? 100) || 100} aria-label={text(p.title)} />
        {p.valueDescription !== undefined && <span className="progress-value">{text(p.valueDescription)}</span>}
      </div>
    );
    case 'LineChart': return <LineChart props={p} />;
    case 'BarChart': return <BarChart props={p} />;
    case 'PageTitle': return <h1 className="page-title">{inner}</h1>;
    case 'PageLink': return <a className="page-link" href={options.pageHref ? options.pageHref(text(p.to)) : text(p.to)}>{inner}</a>;
    case 'Button': return <button type="button" disabled={Boolean(p.disabled)}>{inner}</button>;
    case 'NumberInput':
    case 'Input': return <label className="field">{text(p.label)} <input name={text(p.name)} defaultValue={text(p.value)} /></label>;
    case 'Select': return (
      <label className="field">
        {text(p.label)}{' '}
        <select name={text(p.name)} defaultValue={text(p.value)}>
          {((p.options ?? []) as { label: string; value: string }[]).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
    );
    default: return createElement('div', { className: text(node.name ?? 'node') }, inner);
  }
}
