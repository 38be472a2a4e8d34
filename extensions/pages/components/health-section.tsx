import { BarChart, Flex, Heading, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { PortfolioPageView } from '../../../src/views/pages/portfolio-page-view';

/** Active customers by health band (with MRR) and churn-risk level; churned and prospects apart. */
export function HealthSection({ view }: { view: PortfolioPageView }) {
  const h = view.health;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Health distribution</Heading>
      <Statistics>
        {h.bands.map((b) => (
          <StatisticsItem key={b.band} label={b.label} number={String(b.customers)}><Text variant="microcopy">{`MRR ${b.mrr}`}</Text></StatisticsItem>
        ))}
      </Statistics>
      {h.active > 0 ? (
        <BarChart
          data={h.bands.map((b) => ({ band: b.label, customers: b.customers }))}
          axes={{ x: { field: 'band', fieldType: 'category', label: 'Health band' }, y: { field: 'customers', fieldType: 'linear', label: 'Active customers' } }}
          options={{ title: 'Active customers by health band', showDataLabels: true }}
        />
      ) : (
        <Text>No active customer: nothing is scored into a band.</Text>
      )}
      <Text variant="microcopy">{`${h.active} active customers; ${h.churned} churned and ${h.prospects} prospects are not scored. Churn risk: ${h.risk.map((r) => `${r.customers} ${r.level}`).join(', ')}.`}</Text>
    </Flex>
  );
}
