import { readFileSync } from 'node:fs';
import path from 'node:path';
import { endpointsMarkdown } from '../../src/sandbox/routes/route-table';
import { listEndpoints } from '../../src/sandbox/server';

/** The README's "## The sandbox portal" section, up to the next top-level section. */
function sandboxSection(): string {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('\n## The sandbox portal');
  if (start < 0) throw new Error('README.md has no "## The sandbox portal" section');
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('the README sandbox section', () => {
  it('lists exactly the endpoints the route table implements', () => {
    const documented = [...sandboxSection().matchAll(/^\| `(GET|POST|PATCH|PUT|DELETE) ([^`]+)` \|/gm)].map((match) => `${match[1]} ${match[2]}`);
    const implemented = listEndpoints().map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(documented.sort()).toEqual(implemented.sort());
  });

  it('carries the generated table verbatim, kinds and summaries included', () => {
    expect(sandboxSection()).toContain(endpointsMarkdown());
  });
});
