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

function LineChart({ props }: { props: Record<string, unknown> }): ReactElement | null {
  const data = (Array.isArray(props.data) ? props.data : []) as Record<string, number | string>[];
  const axes = props.axes as { x: { field: string }; y: { field: string; label?: string } };
  const values = data.map((row) => Number(row[axes.y.field]));
  if (values.length < 2) return null;
  const width = 480;
  const height = 120;
  const points = values.map((v, i) => `${(i / (values.length - 1)) * width},${height - (Math.max(0, Math.min(100, v)) / 100) * height}`).join(' ');
  const title = (props.options as { title?: string } | undefined)?.title ?? axes.y.label ?? '';
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title}>
        <polyline fill="none" stroke="#0091ae" strokeWidth="2" points={points} />
      </svg>
      <div className="chart-range">
        {text(data[0][axes.x.field])} – {text(data.at(-1)?.[axes.x.field])}
      </div>
    </figure>
  );
}

function renderChildren(node: TreeNode): ReactNode {
  return (node.childNodes ?? []).map((child, index) => <Fragment key={index}>{treeToElement(child)}</Fragment>);
}

/** One HubSpot component (or text node) of the card's tree as a React DOM element. */
export function treeToElement(node: TreeNode): ReactNode {
  if (node.nodeType === 'text') return text(node.text);
  const p = node.props ?? {};
  const inner = renderChildren(node);
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
      const items = (node.childNodes ?? []).map((child, index) => <li key={index}>{treeToElement(child)}</li>);
      return p.variant === 'ordered' ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'Statistics': return <div className="statistics">{inner}</div>;
    case 'StatisticsItem': return <div className="stat"><div className="stat-label">{text(p.label)}</div><div className="stat-number">{text(p.number)}</div>{inner}</div>;
    case 'StatisticsTrend': return <div className={`trend trend-${text(p.direction)}`}>{p.direction === 'increase' ? '▲' : '▼'} {text(p.value)}</div>;
    case 'DescriptionList': return <dl>{inner}</dl>;
    case 'DescriptionListItem': return <div className="dl-item"><dt>{text(p.label)}</dt><dd>{inner}</dd></div>;
    case 'ProgressBar': return <progress value={Number(p.value) || 0} max={Number(p.maxValue ?? 100) || 100} aria-label={text(p.title)} />;
    case 'LineChart': return <LineChart props={p} />;
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
