import { useState } from 'react';
import { DescriptionList, DescriptionListItem, Flex, Heading, LineChart, Select, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { PortfolioPageView, RetentionRow } from '../../../src/views/pages/portfolio-page-view';
import { shown, why } from './figure';

type Drill = 'cohort' | 'segment';

function RetentionTable({ rows, first }: { rows: RetentionRow[]; first: string }) {
  if (!rows.length) return <Text>No customer to group.</Text>;
  return (
    <Table bordered={false}>
      <TableHead>
        <TableRow>
          <TableHeader>{first}</TableHeader>
          <TableHeader>Customers</TableHeader>
          <TableHeader>NRR</TableHeader>
          <TableHeader>GRR</TableHeader>
          <TableHeader>Logo churn</TableHeader>
          <TableHeader>Revenue churn</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.key}</TableCell>
            <TableCell>{String(r.customers)}</TableCell>
            <TableCell>{r.nrr.kind === 'value' ? r.nrr.display : `— (${why(r.nrr)})`}</TableCell>
            <TableCell>{shown(r.grr)}</TableCell>
            <TableCell>{shown(r.logoChurn)}</TableCell>
            <TableCell>{shown(r.revenueChurn)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** NRR and GRR of the last 12 months as a chart, logo vs revenue churn, and a drill-down by cohort or segment. */
export function RetentionSection({ view }: { view: PortfolioPageView }) {
  const [drill, setDrill] = useState<Drill>('cohort');
  const r = view.retention;
  const points = r.months.flatMap((m) => [
    ...(m.nrr.kind === 'value' ? [{ month: m.month, metric: 'NRR', percent: m.nrr.value }] : []),
    ...(m.grr.kind === 'value' ? [{ month: m.month, metric: 'GRR', percent: m.grr.value }] : []),
  ]);
  const missing = r.months.filter((m) => m.nrr.kind === 'no_data').map((m) => m.month);
  return (
    <Flex direction="column" gap="sm">
      <Heading>NRR and GRR, trailing 12 months at each month end</Heading>
      {points.length ? (
        <LineChart
          data={points}
          axes={{ x: { field: 'month', fieldType: 'category', label: 'Month' }, y: { field: 'percent', fieldType: 'linear', label: 'Retention (%)' }, options: { groupFieldByColor: 'metric' } }}
          options={{ title: 'NRR and GRR by month', showLegend: true, showDataLabels: true }}
        />
      ) : (
        <Text>No month had paying customers at its start: no retention to chart yet.</Text>
      )}
      {missing.length > 0 && points.length > 0 && <Text variant="microcopy">{`No data for ${missing.join(', ')}: no paying customer at the start of those periods.`}</Text>}
      <DescriptionList direction="row">
        <DescriptionListItem label="Logo churn">{`${shown(r.latest.logoChurn)} (${r.latest.customersLost} of ${r.latest.customersAtStart} customers)`}</DescriptionListItem>
        <DescriptionListItem label="Revenue churn">{`${shown(r.latest.revenueChurn)} (${r.latest.churnedMrr} churned + ${r.latest.contraction} contraction of ${r.latest.startingMrr} MRR)`}</DescriptionListItem>
        <DescriptionListItem label="NRR">{shown(r.latest.nrr)}</DescriptionListItem>
        <DescriptionListItem label="GRR">{shown(r.latest.grr)}</DescriptionListItem>
      </DescriptionList>
      <Select name="retention-drill" label="Drill down by" value={drill} onChange={(value) => setDrill(value === 'segment' ? 'segment' : 'cohort')} options={[{ label: 'Cohort (start month)', value: 'cohort' }, { label: 'Segment', value: 'segment' }]} />
      {drill === 'cohort' ? <RetentionTable rows={r.byCohort} first="Cohort" /> : <RetentionTable rows={r.bySegment} first="Segment" />}
    </Flex>
  );
}
