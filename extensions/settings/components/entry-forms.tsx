import { useState } from 'react';
import { Alert, Button, Flex, Heading, Input, NumberInput, Select, TextArea } from '@hubspot/ui-extensions';
import type { ApiResult } from '../api/api-result';
import type { SettingsClient } from '../api/settings-client';
import type { SettingsIssue } from '../api/settings-api-types';
import { eventIssues, idsOf, manualCountIssues, transitionIssues } from '../model/validate-entries';
import { MANUAL_MEASURES, MEASURE_FACTS } from '../model/settings-defaults';
import { messageAt } from './field-issues';
import { DateField } from './fields';

type Outcome = { variant: 'success' | 'danger'; title: string; message: string } | undefined;

/** Checks on the page, then the API; a refusal's issues go next to the fields they name. */
function useSubmit<T>(check: () => SettingsIssue[], send: () => Promise<ApiResult<T>>, done: string, onDone: () => void, reset: () => void) {
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const found = check();
    setIssues(found);
    if (found.length) return setOutcome({ variant: 'danger', title: 'Not recorded', message: 'See the messages next to the fields.' });
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result.ok) {
      setOutcome({ variant: 'success', title: 'Recorded', message: done });
      reset();
      onDone();
    } else {
      setIssues(result.issues);
      setOutcome({ variant: 'danger', title: result.kind === 'forbidden' ? 'Not allowed' : 'Not recorded', message: result.message });
    }
  };
  return { issues, outcome, busy, submit };
}

const Outcome = ({ outcome }: { outcome: Outcome }) => (outcome ? <Alert title={outcome.title} variant={outcome.variant}>{outcome.message}</Alert> : null);
const textProps = (issues: readonly SettingsIssue[], name: string) => {
  const message = messageAt(issues, name);
  return { name, error: message !== undefined, validationMessage: message };
};

/** An exceptional event: accounts that leave the named people's individual results, and why. */
export function ExceptionalEventForm({ client, onDone }: { client: SettingsClient; onDone: () => void }) {
  const [accounts, setAccounts] = useState('');
  const [owners, setOwners] = useState('');
  const [reason, setReason] = useState('');
  const body = () => ({ accountIds: idsOf(accounts), ownerIds: idsOf(owners), reason });
  const { issues, outcome, busy, submit } = useSubmit(() => eventIssues(body()), () => client.declareEvent(body()), 'The event is recorded with your name; an admin approves it.', onDone, () => {
    setAccounts('');
    setOwners('');
    setReason('');
  });
  return (
    <Flex direction="column" gap="xs">
      <Heading>Declare an exceptional event</Heading>
      <Outcome outcome={outcome} />
      <Input label="Accounts (company ids)" value={accounts} onChange={setAccounts} {...textProps(issues, 'accountIds')} />
      <Input label="People (HubSpot owner ids)" value={owners} onChange={setOwners} {...textProps(issues, 'ownerIds')} />
      <TextArea label="Reason" value={reason} onChange={setReason} {...textProps(issues, 'reason')} />
      <Button disabled={busy} onClick={() => void submit()}>Declare the event</Button>
    </Flex>
  );
}

/** A portfolio transition: while it lasts, the people's individual objectives follow their team's. */
export function TransitionForm({ client, onDone }: { client: SettingsClient; onDone: () => void }) {
  const [owners, setOwners] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const body = () => ({ ownerIds: idsOf(owners), from, to, reason });
  const { issues, outcome, busy, submit } = useSubmit(() => transitionIssues(body()), () => client.declareTransition(body()), 'The transition is recorded with your name.', onDone, () => {
    setOwners('');
    setFrom('');
    setTo('');
    setReason('');
  });
  return (
    <Flex direction="column" gap="xs">
      <Heading>Declare a transition</Heading>
      <Outcome outcome={outcome} />
      <Input label="People (HubSpot owner ids)" value={owners} onChange={setOwners} {...textProps(issues, 'ownerIds')} />
      <DateField label="From" path="from" value={from} issues={issues} readOnly={false} onChange={(_, v) => setFrom(v)} />
      <DateField label="To" path="to" value={to} issues={issues} readOnly={false} onChange={(_, v) => setTo(v)} />
      <TextArea label="Reason" value={reason} onChange={setReason} {...textProps(issues, 'reason')} />
      <Button disabled={busy} onClick={() => void submit()}>Declare the transition</Button>
    </Flex>
  );
}

/** A figure counted by hand (articles, webinars, trainings) for one person on one day. */
export function ManualCountForm({ client, onDone }: { client: SettingsClient; onDone: () => void }) {
  const [measure, setMeasure] = useState<string>(MANUAL_MEASURES[0]);
  const [owner, setOwner] = useState('');
  const [value, setValue] = useState<number | undefined>(undefined);
  const [occurredAt, setOccurredAt] = useState('');
  const body = () => ({ measure, ownerId: owner.trim(), value: value ?? Number.NaN, occurredAt });
  const { issues, outcome, busy, submit } = useSubmit(() => manualCountIssues(body()), () => client.enterCount(body()), 'The count is recorded with your name.', onDone, () => {
    setValue(undefined);
    setOccurredAt('');
  });
  const valueMessage = messageAt(issues, 'value');
  return (
    <Flex direction="column" gap="xs">
      <Heading>Enter a manual count</Heading>
      <Outcome outcome={outcome} />
      <Select label="Measure" options={MANUAL_MEASURES.map((m) => ({ label: MEASURE_FACTS[m].label, value: m }))} value={measure} onChange={(v) => setMeasure(String(v))} {...textProps(issues, 'measure')} />
      <Input label="Person (HubSpot owner id)" value={owner} onChange={setOwner} {...textProps(issues, 'ownerId')} />
      <NumberInput label="Value" name="value" value={value} onChange={setValue} error={valueMessage !== undefined} validationMessage={valueMessage} />
      <DateField label="Date" path="occurredAt" value={occurredAt} issues={issues} readOnly={false} onChange={(_, v) => setOccurredAt(v)} />
      <Button disabled={busy} onClick={() => void submit()}>Enter the count</Button>
    </Flex>
  );
}
