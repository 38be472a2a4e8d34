import type { ReactElement, ReactNode } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { treeToElement, type TreeNode } from './component-tree-element';

/** Renders a card element with HubSpot's own renderer and returns its tree as React DOM elements. */
export function renderCard(location: 'crm.record.tab' | 'crm.record.sidebar', element: ReactElement): ReactNode {
  const renderer = createRenderer(location);
  renderer.render(element);
  return treeToElement(renderer.getRootNode() as unknown as TreeNode);
}
