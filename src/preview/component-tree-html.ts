/**
 * Turns the component tree a card renders (through @hubspot/ui-extensions' test renderer, so it is
 * the very tree HubSpot would draw) into plain HTML for the local preview. Each HubSpot component
 * maps to a tag and a class; unknown ones render their children, so nothing is silently dropped.
 */
export interface TreeNode {
  nodeType: string;
  name?: string;
  text?: string | null;
  props?: Record<string, unknown>;
  childNodes?: TreeNode[];
}

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function children(node: TreeNode): string {
  return (node.childNodes ?? []).map(renderNode).join('');
}

function lineChart(props: Record<string, unknown>): string {
  const data = (Array.isArray(props.data) ? props.data : []) as Record<string, number | string>[];
  const axes = props.axes as { x: { field: string }; y: { field: string; label?: string } };
  const values = data.map((row) => Number(row[axes.y.field]));
  if (values.length < 2) return '';
  const width = 480, height = 120;
  const points = values.map((v, i) => `${(i / (values.length - 1)) * width},${height - (Math.max(0, Math.min(100, v)) / 100) * height}`).join(' ');
  const title = (props.options as { title?: string } | undefined)?.title ?? axes.y.label ?? '';
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><polyline fill="none" stroke="#0091ae" stroke-width="2" points="${points}"/></svg><div class="chart-range">${escapeHtml(data[0][axes.x.field])} – ${escapeHtml(data.at(-1)?.[axes.x.field])}</div></figure>`;
}

export function renderNode(node: TreeNode): string {
  if (node.nodeType === 'text') return escapeHtml(node.text);
  const p = node.props ?? {};
  const inner = children(node);
  switch (node.name) {
    case 'Flex': return `<div class="flex flex-${escapeHtml(p.direction ?? 'row')}">${inner}</div>`;
    case 'Heading': return `<h3>${inner}</h3>`;
    case 'Text': return `<p class="text ${escapeHtml(p.variant ?? '')}">${inner}</p>`;
    case 'Tag': return `<span class="tag tag-${escapeHtml(p.variant ?? 'default')}">${inner}</span>`;
    case 'ScoreCircle': return `<div class="score-circle" data-score="${escapeHtml(p.score)}"><span>${escapeHtml(p.score)}</span></div>`;
    case 'Alert': return `<div class="alert alert-${escapeHtml(p.variant ?? 'info')}" role="note"><strong>${escapeHtml(p.title)}</strong> ${inner}</div>`;
    case 'ErrorState': return `<div class="error-state" role="alert"><strong>${escapeHtml(p.title ?? 'Something went wrong')}</strong>${inner}</div>`;
    case 'EmptyState': return `<div class="empty-state"><strong>${escapeHtml(p.title ?? '')}</strong>${inner}</div>`;
    case 'LoadingSpinner': return `<div class="spinner">${escapeHtml(p.label ?? 'Loading')}</div>`;
    case 'Divider': return '<hr/>';
    case 'Table': return `<table>${inner}</table>`;
    case 'TableHead': return `<thead>${inner}</thead>`;
    case 'TableBody': return `<tbody>${inner}</tbody>`;
    case 'TableRow': return `<tr>${inner}</tr>`;
    case 'TableHeader': return `<th>${inner}</th>`;
    case 'TableCell': return `<td>${inner}</td>`;
    case 'List': {
      const tag = p.variant === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${(node.childNodes ?? []).map((c) => `<li>${renderNode(c)}</li>`).join('')}</${tag}>`;
    }
    case 'Statistics': return `<div class="statistics">${inner}</div>`;
    case 'StatisticsItem': return `<div class="stat"><div class="stat-label">${escapeHtml(p.label)}</div><div class="stat-number">${escapeHtml(p.number)}</div>${inner}</div>`;
    case 'StatisticsTrend': return `<div class="trend trend-${escapeHtml(p.direction)}">${p.direction === 'increase' ? '▲' : '▼'} ${escapeHtml(p.value)}</div>`;
    case 'DescriptionList': return `<dl>${inner}</dl>`;
    case 'DescriptionListItem': return `<div class="dl-item"><dt>${escapeHtml(p.label)}</dt><dd>${inner}</dd></div>`;
    case 'ProgressBar': return `<progress value="${escapeHtml(p.value)}" max="${escapeHtml(p.maxValue ?? 100)}" aria-label="${escapeHtml(p.title ?? '')}"></progress>`;
    case 'LineChart': return lineChart(p);
    case 'Button': return `<button type="button" ${p.disabled ? 'disabled' : ''}>${inner}</button>`;
    case 'NumberInput': case 'Input': return `<label class="field">${escapeHtml(p.label)} <input name="${escapeHtml(p.name)}" value="${escapeHtml(p.value ?? '')}"/></label>`;
    case 'Select': return `<label class="field">${escapeHtml(p.label)} <select name="${escapeHtml(p.name)}">${((p.options ?? []) as { label: string; value: string }[]).map((o) => `<option value="${escapeHtml(o.value)}" ${o.value === p.value ? 'selected' : ''}>${escapeHtml(o.label)}</option>`).join('')}</select></label>`;
    default: return `<div class="${escapeHtml(node.name ?? 'node')}">${inner}</div>`;
  }
}
