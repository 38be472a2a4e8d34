import { Flex, Heading, Statistics, StatisticsItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { PortfolioPageView, ReportSection } from '../../../src/views/pages/portfolio-page-view';
import { shown, why } from './figure';

/** Why customers left in the last 12 months, and the share CS could have controlled. */
export function ChurnReasonsSection({ view }: { view: PortfolioPageView }) {
  const c = view.churnReasons;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{`Churn reasons: ${c.lostRenewals} lost renewals in 12 months`}</Heading>
      <Statistics>
        <StatisticsItem label="CS-controllable share" number={shown(c.controllableShare)}><Text variant="microcopy">{c.controllableShare.kind === 'value' ? `${c.controllable} controllable, ${c.notControllable} not, ${c.unknown} unclassified` : why(c.controllableShare)}</Text></StatisticsItem>
      </Statistics>
      {c.reasons.length ? (
        <Table bordered={false}>
          <TableHead>
            <TableRow>
              <TableHeader>Reason</TableHeader>
              <TableHeader>Lost renewals</TableHeader>
              <TableHeader>CS could control</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {c.reasons.map((r) => (
              <TableRow key={r.reason}>
                <TableCell>{r.reason}</TableCell>
                <TableCell>{String(r.count)}</TableCell>
                <TableCell>{String(r.controllable)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>No renewal was lost in the last 12 months.</Text>
      )}
    </Flex>
  );
}

/** What service brings: renewals and expansion after a support contact, customers saved, revenue secured. */
export function ServiceValueSection({ view }: { view: PortfolioPageView }) {
  const s = view.serviceValue;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Service value, last 12 months</Heading>
      <Statistics>
        <StatisticsItem label="Renewals after a support contact" number={String(s.renewalsAfterContact)}><Text variant="microcopy">{`MRR ${s.renewalMrrAfterContact}`}</Text></StatisticsItem>
        <StatisticsItem label="Expansions after a support contact" number={String(s.expansionsAfterContact)}><Text variant="microcopy">{`MRR ${s.expansionMrrAfterContact}`}</Text></StatisticsItem>
        <StatisticsItem label="Customers saved" number={String(s.customersSaved)}><Text variant="microcopy">at risk, then renewed</Text></StatisticsItem>
        <StatisticsItem label="Revenue secured (MRR)" number={s.revenueSecured}><Text variant="microcopy">renewals of the saved customers</Text></StatisticsItem>
      </Statistics>
      {s.saved.length > 0 && <Text>{`Saved: ${s.saved.map((c) => `${c.name} (lowest ${c.lowestScore}, renewed ${c.renewedAt}, ${c.mrrSecured} MRR)`).join('; ')}`}</Text>}
    </Flex>
  );
}

function ReportPart({ section }: { section: ReportSection }) {
  if (section.kind === 'figures') {
    return (
      <Table bordered={false}>
        <TableHead><TableRow><TableHeader>{section.title}</TableHeader><TableHeader>Value</TableHeader></TableRow></TableHead>
        <TableBody>{section.entries.map((e) => <TableRow key={e.label}><TableCell>{e.label}</TableCell><TableCell>{e.display}</TableCell></TableRow>)}</TableBody>
      </Table>
    );
  }
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>{section.title}</Text>
      <Table bordered={false}>
        <TableHead><TableRow>{section.columns.map((c) => <TableHeader key={c}>{c}</TableHeader>)}</TableRow></TableHead>
        <TableBody>{section.rows.map((row, i) => <TableRow key={i}>{row.map((cell, j) => <TableCell key={j}>{cell}</TableCell>)}</TableRow>)}</TableBody>
      </Table>
    </Flex>
  );
}

/** The churn model's own report (sample, interval, calibration, backtest...), as it comes. */
export function ModelReportSection({ view }: { view: PortfolioPageView }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Churn model report</Heading>
      {view.model ? (
        <>
          <Text variant="microcopy">{`Model version ${view.model.version ?? 'unknown'}${view.model.fittedAt ? `, fitted ${view.model.fittedAt.slice(0, 10)}` : ''}.`}</Text>
          {view.model.sections.length ? view.model.sections.map((s) => <ReportPart key={s.title} section={s} />) : <Text>The report holds no figure.</Text>}
        </>
      ) : (
        <Text>No churn model fitted yet: churn risk is scored with the rule weights.</Text>
      )}
    </Flex>
  );
}

/** Attainment of the people the viewer may see; the rest are counted, never named. */
export function AttainmentSection({ view }: { view: PortfolioPageView }) {
  const a = view.attainment;
  if (!a.people.length) return null;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Objective attainment</Heading>
      <Table bordered={false}>
        <TableHead><TableRow><TableHeader>Person</TableHeader><TableHeader>Attainment to date</TableHeader></TableRow></TableHead>
        <TableBody>{a.people.map((p) => <TableRow key={p.ownerId}><TableCell>{p.as === 'self' ? `${p.name} (you)` : p.name}</TableCell><TableCell>{p.overall.kind === 'value' ? p.overall.display : `— (${p.overall.reason})`}</TableCell></TableRow>)}</TableBody>
      </Table>
    </Flex>
  );
}
