import { useState } from 'react';
import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  Input,
  List,
  LoadingSpinner,
  NumberInput,
  ScoreCircle,
  Select,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { CustomerHealthView } from '../../../src/views/customer-health-view';
import type { CardState } from '../types/card-state';
import type { HealthCardExtras } from './card-extras';
import { figureNote, figureNumber } from './figure-text';
import { FollowUpActions, type FollowUpActionState } from './follow-up-actions';
import { ScoreChangeLedgerView } from './score-change-ledger-view';
import { ScoreHistoryChart } from './score-history-chart';

export interface OverrideInput {
  score: number;
  reason: string;
  expiresAt: string;
}

const BAND = { healthy: { label: 'Healthy', variant: 'success' }, neutral: { label: 'Neutral', variant: 'warning' }, at_risk: { label: 'At risk', variant: 'error' } } as const;
const RISK = { low: 'success', medium: 'warning', high: 'error' } as const;
const PRIORITY = { now: 'Now', soon: 'Soon', later: 'Later' } as const;

/** The Customer health card's drawing, from its state alone (the local preview draws the same tree). */
export function CustomerHealthCardView({ state, onOverride, onClearOverride, today = new Date(), followUpAction, onCreateFollowUpTask, onCloseFollowUpLoop }: { state: CardState<CustomerHealthView & HealthCardExtras>; onOverride?: (input: OverrideInput) => void; onClearOverride?: () => void; today?: Date; followUpAction?: FollowUpActionState; onCreateFollowUpTask?: () => void; onCloseFollowUpLoop?: () => void }) {
  if (state.status === 'loading') return <LoadingSpinner label="Computing customer health..." layout="centered" />;
  if (state.status === 'error') return <ErrorState title="Customer health could not be computed"><Text>{state.message}</Text></ErrorState>;
  if (state.status === 'empty') return <EmptyState title="No health data yet" imageName="customerExperience"><Text>{state.message}</Text></EmptyState>;
  const v = state.view;
  const band = BAND[v.band];
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="lg" align="center">
        <ScoreCircle score={v.score} />
        <Flex direction="column" gap="xs">
          <Heading>Health {v.score} / 100</Heading>
          <Tag variant={band.variant}>{band.label}</Tag>
          {v.trend && <Text variant="microcopy">{describeTrend(v.trend)}</Text>}
        </Flex>
      </Flex>
      {v.override && (
        <Alert title={`Score set by ${v.override.author ?? 'a CSM'} until ${v.override.expiresAt.slice(0, 10)}`} variant="info">
          {v.override.reason} (computed score: {v.computedScore})
        </Alert>
      )}
      <Heading>Why this score</Heading>
      <Table bordered={false}>
        <TableHead>
          <TableRow>
            <TableHeader>Component</TableHeader>
            <TableHeader>What we see</TableHeader>
            <TableHeader>Score</TableHeader>
            <TableHeader>Weight</TableHeader>
            <TableHeader>Points</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {v.components.map((c) => (
            <TableRow key={c.key}>
              <TableCell>{c.label}</TableCell>
              <TableCell>{c.summary}</TableCell>
              <TableCell>{c.hasData ? String(c.subScore) : 'no data'}</TableCell>
              <TableCell>{c.hasData ? `${c.weightPercent} %` : '—'}</TableCell>
              <TableCell>{c.hasData ? c.contribution.toFixed(1) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {v.reweightNote && <Text variant="microcopy">{v.reweightNote}</Text>}
      <Divider />
      <Flex direction="row" gap="sm" align="center">
        <Heading>Churn risk</Heading>
        <Tag variant={RISK[v.churnRisk.level]}>{`${v.churnRisk.level} (${v.churnRisk.score})`}</Tag>
      </Flex>
      {v.churnRisk.reasons.length ? (
        <List variant="ordered">{v.churnRisk.reasons.map((reason) => <Text key={reason}>{reason}</Text>)}</List>
      ) : (
        <Text>No churn signal right now.</Text>
      )}
      <Text variant="microcopy">Scored with {v.churnRisk.method}.</Text>
      <Divider />
      <Statistics>
        <StatisticsItem label="NPS (365 days)" number={figureNumber(v.figures.nps)}><Text variant="microcopy">{figureNote(v.figures.nps)}</Text></StatisticsItem>
        <StatisticsItem label="CSAT" number={figureNumber(v.figures.csat)}><Text variant="microcopy">{figureNote(v.figures.csat)}</Text></StatisticsItem>
        <StatisticsItem label="NRR 12 months" number={figureNumber(v.figures.nrr12m)}><Text variant="microcopy">{figureNote(v.figures.nrr12m)}</Text></StatisticsItem>
        <StatisticsItem label="MRR" number={figureNumber(v.figures.mrr)}><Text variant="microcopy">{figureNote(v.figures.mrr)}</Text></StatisticsItem>
        {v.trend && (
          <StatisticsItem label={`Health, ${v.trend.days} days`} number={v.score}>
            <StatisticsTrend direction={v.trend.change >= 0 ? 'increase' : 'decrease'} value={`${Math.abs(v.trend.change)} pts`} color={v.trend.change >= 0 ? 'green' : 'red'} />
          </StatisticsItem>
        )}
      </Statistics>
      <DescriptionList direction="row">
        <DescriptionListItem label="Open tickets">{`${v.openTickets.total} (${v.openTickets.highPriority} high priority)`}</DescriptionListItem>
        <DescriptionListItem label="GRR 12 months">{figureNumber(v.figures.grr12m)}</DescriptionListItem>
        <DescriptionListItem label="Computed">{v.computedAt.slice(0, 16).replace('T', ' ')} UTC</DescriptionListItem>
      </DescriptionList>
      <Heading>Next best actions</Heading>
      {v.actions.length ? (
        <List>{v.actions.map((a) => <Text key={a.text}>{`${PRIORITY[a.priority]}: ${a.text}`}</Text>)}</List>
      ) : (
        <Text>Nothing urgent.</Text>
      )}
      <FollowUpActions followUp={v.followUp} action={followUpAction} onCreateTask={onCreateFollowUpTask} onCloseLoop={onCloseFollowUpLoop} />
      <ScoreHistoryChart snapshots={v.snapshots} propertyHistory={v.history} />
      {v.ledger && <ScoreChangeLedgerView ledger={v.ledger} labels={v.componentLabels} />}
      <Divider />
      <OverrideForm onOverride={onOverride} onClear={v.override ? onClearOverride : undefined} today={today} />
    </Flex>
  );
}

function describeTrend(trend: NonNullable<CustomerHealthView['trend']>): string {
  const direction = trend.change > 0 ? `up ${trend.change}` : trend.change < 0 ? `down ${Math.abs(trend.change)}` : 'unchanged';
  const movers = trend.movers.map((m) => `${m.label} ${m.change > 0 ? '+' : ''}${m.change}`).join(', ');
  return `${direction} in ${trend.days} days (was ${trend.previousScore})${movers ? `: ${movers}` : ''}`;
}

function OverrideForm({ onOverride, onClear, today }: { onOverride?: (input: OverrideInput) => void; onClear?: () => void; today: Date }) {
  const [score, setScore] = useState<number | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('30');
  const valid = score !== undefined && score >= 0 && score <= 100 && reason.trim().length >= 3;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Override the score</Heading>
      <Text variant="microcopy">Your override wins until it expires; the computed score stays visible.</Text>
      <NumberInput name="override-score" label="Score (0-100)" min={0} max={100} value={score} onChange={(value) => setScore(typeof value === 'number' ? value : undefined)} />
      <Input name="override-reason" label="Reason" value={reason} onChange={(value) => setReason(String(value))} />
      <Select name="override-expiry" label="Expires in" value={days} onChange={(value) => setDays(String(value))} options={[{ label: '7 days', value: '7' }, { label: '30 days', value: '30' }, { label: '90 days', value: '90' }]} />
      <Flex direction="row" gap="sm">
        <Button disabled={!valid} onClick={() => {
            if (valid) onOverride?.({ score: score as number, reason: reason.trim(), expiresAt: new Date(today.getTime() + Number(days) * 86_400_000).toISOString() });
          }}>Save override</Button>
        {onClear && <Button variant="secondary" onClick={() => onClear()}>Remove override</Button>}
      </Flex>
    </Flex>
  );
}
