import { LineChart, Text } from '@hubspot/ui-extensions';
import type { ScoreDay } from '../../../src/domain/portfolio/score-change-ledger';

const COMPUTED = 'Computed score';
const OVERRIDE = 'CSM override';

/**
 * The score's history as a line chart: daily snapshots from the store, CSM-override days drawn as
 * their own series so an override never passes for a computed score; without snapshots, the
 * property history HubSpot keeps (overrides cannot be told apart there, and the note says so).
 */
export function ScoreHistoryChart({ snapshots, propertyHistory }: { snapshots?: readonly ScoreDay[]; propertyHistory: readonly { date: string; score: number }[] }) {
  if (snapshots && snapshots.some((d) => d.score !== null)) {
    const rows = snapshots.filter((d) => d.score !== null).map((d) => ({ date: d.day, score: d.score as number, series: d.override ? OVERRIDE : COMPUTED }));
    if (rows.length < 2) return <Text variant="microcopy">The score history chart appears after the score has been stored on two days.</Text>;
    const overrides = rows.filter((r) => r.series === OVERRIDE).length;
    return (
      <>
        <LineChart
          data={rows}
          axes={{ x: { field: 'date', fieldType: 'datetime', label: 'Day' }, y: { field: 'score', fieldType: 'linear', label: 'Health score' }, options: { groupFieldByColor: 'series', colors: { [COMPUTED]: 'blue', [OVERRIDE]: 'orange' } } }}
          options={{ title: 'Health score history', showLegend: true }}
        />
        {overrides > 0 && <Text variant="microcopy">{`${overrides} ${overrides === 1 ? 'day' : 'days'} held by a CSM override, drawn apart.`}</Text>}
      </>
    );
  }
  if (propertyHistory.length > 1) {
    return (
      <>
        <LineChart
          data={propertyHistory.map((p) => ({ date: p.date, score: p.score }))}
          axes={{ x: { field: 'date', fieldType: 'datetime', label: 'Date' }, y: { field: 'score', fieldType: 'linear', label: 'Health score' } }}
          options={{ title: 'Health score history' }}
        />
        <Text variant="microcopy">From the property history; overrides are not marked until daily snapshots are stored.</Text>
      </>
    );
  }
  return <Text variant="microcopy">The score history chart appears after the score has been stored twice.</Text>;
}
