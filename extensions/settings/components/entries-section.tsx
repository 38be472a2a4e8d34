import { Button, EmptyState, ErrorState, Flex, Heading, LoadingSpinner, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { SettingsClient } from '../api/settings-client';
import type { EntriesAnswer } from '../api/settings-api-types';
import { utcStamp } from '../model/dates';
import { useApiCall } from '../hooks/use-api-call';
import { ExceptionalEventForm, ManualCountForm, TransitionForm } from './entry-forms';

const day = (iso: string) => iso.slice(0, 10);

/** Every declaration about the viewer and their team, one row each, with who entered it and when. */
function EntriesTable({ entries }: { entries: EntriesAnswer }) {
  const rows = [
    ...entries.events.map((e) => ({ key: `e${e.id}`, kind: 'Exceptional event', who: e.ownerIds.join(', '), what: `accounts ${e.accountIds.join(', ')}: ${e.reason}${e.approvedBy ? ` (approved by ${e.approvedBy})` : ' (awaiting approval)'}`, by: `${e.declaredBy}, ${utcStamp(e.declaredAt)}` })),
    ...entries.transitions.map((t) => ({ key: `t${t.id}`, kind: 'Transition', who: t.ownerIds.join(', '), what: `${day(t.from)} to ${day(t.to)}: ${t.reason}`, by: `${t.declaredBy}, ${utcStamp(t.declaredAt)}` })),
    ...entries.manual.map((m) => ({ key: `m${m.id}`, kind: 'Manual count', who: m.ownerId, what: `${m.measure} ${m.value} on ${day(m.occurredAt)}`, by: `${m.enteredBy}, ${utcStamp(m.enteredAt)}` })),
  ];
  if (rows.length === 0) {
    return (
      <EmptyState title="Nothing declared yet" layout="vertical">
        <Text>No exceptional event, transition or manual count for you or your team.</Text>
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHead>
        <TableRow>
          <TableHeader>Kind</TableHeader>
          <TableHeader>People</TableHeader>
          <TableHeader>What</TableHeader>
          <TableHeader>Entered by</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.kind}</TableCell>
            <TableCell>{r.who}</TableCell>
            <TableCell>{r.what}</TableCell>
            <TableCell>{r.by}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A manager's declarations for their team: the list, and a form for each kind. The API checks who manages whom. */
export function EntriesSection({ client }: { client: SettingsClient }) {
  const { state, reload } = useApiCall(client.entries);
  return (
    <Flex direction="column" gap="md">
      <Heading>Team entries</Heading>
      {state.status === 'loading' && <LoadingSpinner label="Loading the team's entries..." />}
      {state.status === 'error' && (
        <ErrorState title="The entries cannot be shown">
          <Text>{state.message}</Text>
          <Button onClick={reload}>Try again</Button>
        </ErrorState>
      )}
      {state.status === 'ready' && <EntriesTable entries={state.data} />}
      <ExceptionalEventForm client={client} onDone={reload} />
      <TransitionForm client={client} onDone={reload} />
      <ManualCountForm client={client} onDone={reload} />
    </Flex>
  );
}
