import type { ReactElement, ReactNode } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { treeToElement, type TreeNode, type TreeOptions } from './component-tree-element';

/**
 * Renders a card or an app page with HubSpot's own renderer (at the extension point it is built
 * for) and returns its tree as React DOM elements.
 */
export function renderCard(location: 'crm.record.tab' | 'crm.record.sidebar' | 'pages', element: ReactElement, options: TreeOptions = {}): ReactNode {
  const renderer = createRenderer(location);
  renderer.render(element);
  return treeToElement(renderer.getRootNode() as unknown as TreeNode, options);
}
