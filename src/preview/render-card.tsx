import type { ReactElement } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { renderNode, type TreeNode } from './component-tree-html';

/** Renders a card element with HubSpot's own renderer and returns its HTML. */
export function renderCardHtml(location: 'crm.record.tab' | 'crm.record.sidebar', element: ReactElement): string {
  const renderer = createRenderer(location);
  renderer.render(element);
  return renderNode(renderer.getRootNode() as unknown as TreeNode);
}
