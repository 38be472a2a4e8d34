/** Prints the README's endpoint table from the route table: `npx tsx src/sandbox/print-endpoints.ts`. */
import { endpointsMarkdown } from './routes/route-table';

console.log(endpointsMarkdown());
