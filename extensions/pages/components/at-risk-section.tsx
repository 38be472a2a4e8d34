import { Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';

const RISK = { low: 'success', medium: 'warning', high: 'error' } as const;

/** Active customers at risk, most MRR at stake first, and the detractor follow-ups with the overdue ones marked. */
export function AtRiskSection({ view }: { view: PortfolioPageView }) {
  const a = view.atRisk;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{`At risk: ${a.count} active customers, ${a.mrrAtStake} MRR at stake`}</Heading>
      {a.customers.length ? (
        <Table bordered={false}>
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>MRR</TableHeader>
              <TableHeader>Health</TableHeader>
              <TableHeader>Churn risk</TableHeader>
              <TableHeader>CSM</TableHeader>
              <TableHeader>Top reason</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {a.customers.map((c) => (
              <TableRow key={c.companyId}>
                <TableCell>{c.name}</TableCell>
                <TableCell>{c.mrr}</TableCell>
                <TableCell>{`${c.score} (${c.band})`}</TableCell>
                <TableCell><Tag variant={RISK[c.risk as keyof typeof RISK] ?? 'default'}>{c.risk}</Tag></TableCell>
                <TableCell>{c.owner}</TableCell>
                <TableCell>{c.topReason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>No active customer is at risk.</Text>
      )}
      {a.count > a.customers.length && <Text variant="microcopy">{`Showing the ${a.customers.length} with the most MRR at stake.`}</Text>}
    </Flex>
  );
}

export function FollowUpsSection({ view }: { view: PortfolioPageView }) {
  const f = view.followUps;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{`Detractor follow-ups due: ${f.customers.length}, ${f.overdue} overdue`}</Heading>
      {f.customers.length ? (
        <Table bordered={false}>
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>CSM</TableHeader>
              <TableHeader>Call before</TableHeader>
              <TableHeader>Status</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {f.customers.map((c) => (
              <TableRow key={c.companyId}>
                <TableCell>{c.name}</TableCell>
                <TableCell>{c.owner}</TableCell>
                <TableCell>{c.due}</TableCell>
                <TableCell>{c.overdue ? <Tag variant="error">{c.late}</Tag> : <Tag variant="warning">due</Tag>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>Every detractor has been followed up.</Text>
      )}
      <Text variant="microcopy">Detractors should hear from you within 48 hours of their answer.</Text>
    </Flex>
  );
}

