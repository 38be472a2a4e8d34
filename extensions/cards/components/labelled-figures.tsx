import { DescriptionList, DescriptionListItem, Flex, Heading, ProgressBar, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { ObjectivesCardExtras } from './card-extras';

const pct = (n: number | undefined) => (n === undefined ? 'no data' : `${Math.round(n)} %`);
const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** A bar that always carries its figure in its title and value description: no bar without its number. */
export function LabelledBar({ label, value, max = 150 }: { label: string; value: number | undefined; max?: number }) {
  if (value === undefined) return <Text>{`${label}: no data`}</Text>;
  return <ProgressBar title={`${label}: ${pct(value)}`} value={Math.max(0, Math.min(value, max))} maxValue={max} showPercentage={false} valueDescription={pct(value)} />;
}

/** Attainment per level, pay projected and earned to date, exclusions and transitions with who declared them. */
export function ObjectivesFigures({ extras }: { extras: ObjectivesCardExtras }) {
  return (
    <Flex direction="column" gap="sm">
      {extras.levelAttainment && extras.levelAttainment.length > 0 && (
        <Flex direction="column" gap="xs">
          <Heading>Attainment to date by level</Heading>
          {extras.levelAttainment.map((l) => (
            <LabelledBar key={l.level} label={`${l.level} (${l.weightPercent} % of the plan${l.source === 'statement' ? ', from the period statement' : ''})`} value={l.attainment} />
          ))}
        </Flex>
      )}
      {extras.pay && (
        <DescriptionList direction="row">
          <DescriptionListItem label="Variable pay at target">{money(extras.pay.atTarget)}</DescriptionListItem>
          <DescriptionListItem label="Projected for the period">{money(extras.pay.projected)}</DescriptionListItem>
          <DescriptionListItem label="Earned to date">{money(extras.pay.toDate)}</DescriptionListItem>
        </DescriptionList>
      )}
      {extras.exclusions && extras.exclusions.length > 0 && (
        <Flex direction="column" gap="xs">
          <Heading>Accounts excluded from your individual results</Heading>
          <Table bordered={false}>
            <TableHead><TableRow><TableHeader>Accounts</TableHeader><TableHeader>Reason</TableHeader><TableHeader>Declared by</TableHeader><TableHeader>On</TableHeader></TableRow></TableHead>
            <TableBody>
              {extras.exclusions.map((e) => (
                <TableRow key={`${e.declaredAt}-${e.accounts.join(',')}`}><TableCell>{e.accounts.join(', ')}</TableCell><TableCell>{e.reason}</TableCell><TableCell>{e.declaredBy}</TableCell><TableCell>{e.declaredAt.slice(0, 10)}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
        </Flex>
      )}
      {extras.transitions && extras.transitions.length > 0 && (
        <Flex direction="column" gap="xs">
          <Heading>Portfolio transitions</Heading>
          <Table bordered={false}>
            <TableHead><TableRow><TableHeader>Window</TableHeader><TableHeader>People</TableHeader><TableHeader>Reason</TableHeader><TableHeader>Declared by</TableHeader></TableRow></TableHead>
            <TableBody>
              {extras.transitions.map((t) => (
                <TableRow key={`${t.from}-${t.people.join(',')}`}><TableCell>{`${t.from.slice(0, 10)} to ${t.to.slice(0, 10)}`}</TableCell><TableCell>{t.people.join(', ')}</TableCell><TableCell>{t.reason}</TableCell><TableCell>{`${t.declaredBy}, ${t.declaredAt.slice(0, 10)}`}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
          <Text variant="microcopy">Inside a transition window your individual level mirrors your team's.</Text>
        </Flex>
      )}
    </Flex>
  );
}
