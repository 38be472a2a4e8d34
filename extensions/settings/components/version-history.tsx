import { EmptyState, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { HistoryEntry } from '../api/settings-api-types';
import { utcStamp } from '../model/dates';

const SHOWN_CHANGES = 6;
const brief = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v).slice(0, 60));

/** `engine.health.weights.usage: 25 → 40; …` with at most a few, then how many more. */
export function describeChanges(changes: HistoryEntry['changes']): string {
  const entries = Object.entries(changes);
  if (entries.length === 0) return 'no change';
  const shown = entries.slice(0, SHOWN_CHANGES).map(([path, c]) => `${path}: ${brief(c.old)} → ${brief(c.new)}`);
  return entries.length > SHOWN_CHANGES ? `${shown.join('; ')}; and ${entries.length - SHOWN_CHANGES} more` : shown.join('; ');
}

/** Who saved which version, when (UTC) and what it changed, newest first. */
export function VersionHistory({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <>
      <Heading>Version history</Heading>
      {history.length === 0 ? (
        <EmptyState title="No saved version yet" layout="vertical">
          <Text>Nobody has saved settings yet: the defaults apply (version 0).</Text>
        </EmptyState>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableHeader>Version</TableHeader>
              <TableHeader>Who</TableHeader>
              <TableHeader>When</TableHeader>
              <TableHeader>What changed</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.version}>
                <TableCell>{String(h.version)}</TableCell>
                <TableCell>{h.author.email ?? `${h.author.kind} ${h.author.id}`}</TableCell>
                <TableCell>{utcStamp(h.createdAt)}</TableCell>
                <TableCell>{describeChanges(h.changes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
