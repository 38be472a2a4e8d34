import { ASSOCIATION_ROUTES } from './association-routes';
import { CONTROL_ROUTES } from './control-routes';
import { OBJECT_ROUTES } from './object-routes';
import { PORTAL_ROUTES } from './portal-routes';
import type { RouteDefinition } from './route-definition';

/** Every HubSpot endpoint the sandbox implements, in the order express tries them. */
export const HUBSPOT_ROUTES: RouteDefinition[] = [...OBJECT_ROUTES, ...ASSOCIATION_ROUTES, ...PORTAL_ROUTES];

export { CONTROL_ROUTES };

export interface EndpointListing {
  method: string;
  /** HubSpot's path with `{param}` placeholders, e.g. `/crm/v3/objects/{objectType}/search`. */
  path: string;
  kind: string;
  summary: string;
  namespace: 'hubspot' | 'control';
}

/** The implemented endpoints, generated from the route table (the README lists exactly these). */
export function listEndpoints(): EndpointListing[] {
  const listing = (namespace: EndpointListing['namespace']) => (route: RouteDefinition) => ({
    method: route.method.toUpperCase(),
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    kind: route.kind,
    summary: route.summary,
    namespace,
  });
  return [...HUBSPOT_ROUTES.map(listing('hubspot')), ...CONTROL_ROUTES.map(listing('control'))];
}

/** The endpoint list as markdown table rows, as the README carries it. */
export function endpointsMarkdown(): string {
  const rows = listEndpoints().map((endpoint) => `| \`${endpoint.method} ${endpoint.path}\` | \`${endpoint.kind}\` | ${endpoint.summary} |`);
  return ['| Endpoint | Kind (stats, `--fault-endpoint`) | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}
