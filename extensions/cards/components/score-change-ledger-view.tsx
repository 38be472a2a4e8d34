import { Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { ComponentMove } from '../../../src/domain/portfolio/score-change-ledger';
import type { HealthCardExtras } from './card-extras';

const signed = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)}`;

function describeMove(m: ComponentMove, labels: Record<string, string>): string {
  const label = labels[m.key] ?? m.key;
  if (m.from === null) return `${label}: data appeared (${m.to})`;
  if (m.to === null) return `${label}: no data any more (was ${m.from})`;
  return `${label} ${m.from} → ${m.to} (${signed(m.change)})`;
}

/**
 * "Why did it change": each move of the score of at least `minPoints` between stored days, newest
 * first, with its cause (an override set or ended, or the components that moved it) and the
 * records behind it (ticket opened, answer received, contract changed).
 */
export function ScoreChangeLedgerView({ ledger: { minPoints, changes }, labels = {} }: { ledger: NonNullable<HealthCardExtras['ledger']>; labels?: Record<string, string> }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Why did it change</Heading>
      {changes.length === 0 ? (
        <Text>{`No move of ${minPoints} points or more in the stored history.`}</Text>
      ) : (
        <Table bordered={false}>
          <TableHead>
            <TableRow>
              <TableHeader>Between</TableHeader>
              <TableHeader>Score</TableHeader>
              <TableHeader>Change</TableHeader>
              <TableHeader>What moved it</TableHeader>
              <TableHeader>Records behind it</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={`${c.fromDay}-${c.toDay}`}>
                <TableCell>{`${c.fromDay} and ${c.toDay}`}</TableCell>
                <TableCell>{`${c.fromScore} → ${c.toScore}`}</TableCell>
                <TableCell>{`${signed(c.change)} pts`}</TableCell>
                <TableCell>
                  {c.cause === 'override_set' && c.override
                    ? `Override set by ${c.override.author}: ${c.override.reason}`
                    : c.cause === 'override_removed'
                      ? `Override by ${c.override?.author ?? 'a CSM'} ended; computed score back`
                      : c.movers.length
                        ? c.movers.slice(0, 3).map((m) => describeMove(m, labels)).join('; ')
                        : 'weights or settings changed (no component moved)'}
                </TableCell>
                <TableCell>{c.records?.length ? c.records.map((r) => `${r.at.slice(0, 10)}: ${r.text}`).join('; ') : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text variant="microcopy">{`Moves of ${minPoints} points or more between stored days, newest first.`}</Text>
    </Flex>
  );
}
