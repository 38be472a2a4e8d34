import { Alert, DescriptionList, DescriptionListItem, Divider, EmptyState, ErrorState, Flex, Heading, LoadingSpinner, ProgressBar, Tag, Text } from '@hubspot/ui-extensions';
import type { RetentionTargetView } from '../../../src/views/retention-target-view';
import type { CardState } from '../types/card-state';
import type { RetentionCardExtras } from './card-extras';

const STATUS = { on_track: { label: 'On track', variant: 'success' }, at_risk: { label: 'At risk', variant: 'warning' }, missed: { label: 'Missed', variant: 'error' } } as const;
const LEVEL = { low: 'success', medium: 'warning', high: 'error' } as const;
const BAND = { healthy: 'success', neutral: 'warning', at_risk: 'error' } as const;
const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** The Retention target card's drawing (deal record sidebar). */
export function RetentionTargetCardView({ state }: { state: CardState<RetentionTargetView & RetentionCardExtras> }) {
  if (state.status === 'loading') return <LoadingSpinner label="Checking the retention target..." layout="centered" />;
  if (state.status === 'error') return <ErrorState title="The retention target could not be computed"><Text>{state.message}</Text></ErrorState>;
  if (state.status === 'empty') return <EmptyState title="Nothing to show yet" imageName="deals"><Text>{state.message}</Text></EmptyState>;
  const v = state.view;
  const status = STATUS[v.status];
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Retention target</Heading>
        {v.countsTowardObjective && <Tag variant={status.variant}>{status.label}</Tag>}
      </Flex>
      <Text>{v.statusReason}</Text>
      {v.customer ? (
        <DescriptionList direction="row">
          <DescriptionListItem label="Customer">{v.customer.name}</DescriptionListItem>
          <DescriptionListItem label="Health"><Tag variant={BAND[v.customer.band]}>{`${v.customer.healthScore} ${v.customer.band.replace('_', ' ')}`}</Tag></DescriptionListItem>
          <DescriptionListItem label="Churn risk"><Tag variant={LEVEL[v.customer.churnRisk]}>{v.customer.churnRisk}</Tag></DescriptionListItem>
        </DescriptionList>
      ) : v.unscoredCustomer ? (
        <DescriptionList direction="row">
          <DescriptionListItem label="Customer">{v.unscoredCustomer.name}</DescriptionListItem>
          <DescriptionListItem label="Health">{`Not scored: ${v.unscoredCustomer.reason}`}</DescriptionListItem>
        </DescriptionList>
      ) : (
        <Alert title="No company on this deal" variant="warning">Associate the customer's company to see its health.</Alert>
      )}
      <DescriptionList direction="row">
        <DescriptionListItem label="Early churn risk"><Tag variant={LEVEL[v.earlyChurnRisk]}>{v.earlyChurnRisk}</Tag></DescriptionListItem>
        <DescriptionListItem label="Counts toward the objective">{v.countsTowardObjective ? 'Yes (new business)' : 'No'}</DescriptionListItem>
      </DescriptionList>
      <Divider />
      <Heading>{`${v.rep.name}: customers lost within 90 days`}</Heading>
      {v.rep.earlyChurnRate === undefined ? (
        <Text>No customer won long enough ago to judge yet.</Text>
      ) : (
        <ProgressBar title={`${v.rep.lostWithin90Days} of ${v.rep.wonCustomers} (${v.rep.earlyChurnRate.toFixed(1)} %), target at most ${v.rep.targetRate} %`} value={Math.min(v.rep.earlyChurnRate, 100)} maxValue={Math.max(v.rep.targetRate * 2, v.rep.earlyChurnRate)} variant={v.rep.earlyChurnRate > v.rep.targetRate ? 'danger' : 'success'} showPercentage={false} />
      )}
      <Divider />
      <DescriptionList direction="row">
        <DescriptionListItem label="Weighted value">{v.weightedValue ? `${money(v.weightedValue.value)} (${money(v.weightedValue.amount)} x ${Math.round(v.weightedValue.probability * 100)} %)` : 'no amount or stage probability'}</DescriptionListItem>
        {v.stageLabel && <DescriptionListItem label="Stage">{v.stageLabel}</DescriptionListItem>}
        {v.stageCheck.ok && <DescriptionListItem label="Stage check">{v.stageCheck.message}</DescriptionListItem>}
        {v.openPipeline && <DescriptionListItem label={`${v.rep.name}'s open pipeline`}>{`${money(v.openPipeline.weighted)} weighted of ${money(v.openPipeline.amount)} (${v.openPipeline.deals} open deals${v.openPipeline.withoutProbability ? `, ${v.openPipeline.withoutProbability} without a stage probability` : ''})`}</DescriptionListItem>}
      </DescriptionList>
      {!v.stageCheck.ok && <Alert title="Probability does not rise with the stage" variant="warning">{v.stageCheck.message}</Alert>}
    </Flex>
  );
}
