import { Alert, EmptyState, ErrorState, Flex, Heading, LoadingSpinner, ProgressBar, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { MyObjectivesView } from '../../../src/views/my-objectives-view';
import type { CardState } from '../types/card-state';
import type { ObjectivesCardExtras } from './card-extras';
import { ObjectivesFigures } from './labelled-figures';
import { ObjectivesStatementSummary } from './objectives-statement-summary';

const pct = (n: number | undefined) => (n === undefined ? 'no data' : `${Math.round(n)} %`);

/** The My objectives card's drawing (company record sidebar). */
export function MyObjectivesCardView({ state }: { state: CardState<MyObjectivesView & ObjectivesCardExtras> }) {
  if (state.status === 'loading') return <LoadingSpinner label="Computing your objectives..." layout="centered" />;
  if (state.status === 'error') return <ErrorState title="Your objectives could not be shown"><Text>{state.message}</Text></ErrorState>;
  if (state.status === 'empty') return <EmptyState title="No objectives yet" imageName="target"><Text>{state.message}</Text></EmptyState>;
  const v = state.view;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{`${v.viewer.name} (${v.viewer.role})`}</Heading>
      <Text variant="microcopy">{`${v.period.start} to ${v.period.end}, ${v.period.elapsedPercent} % elapsed; variable pay is ${v.variableSharePercent} % of total pay.`}</Text>
      <ProgressBar title={`Attainment on the card's levels: ${pct(v.overall)}`} value={Math.min(v.overall ?? 0, 150)} maxValue={150} showPercentage={false} valueDescription={pct(v.overall)} />
      {v.statement && <ObjectivesStatementSummary statement={v.statement} />}
      {v.notOnCard.length > 0 && <Text variant="microcopy">{`Not shown (they need the whole portal, computed by the sync into the period statement): ${v.notOnCard.join(', ')}.`}</Text>}
      {v.thisAccount && <Alert title={v.thisAccount.name} variant="info">{v.thisAccount.note}</Alert>}
      {v.levels.map((level) => (
        <Flex key={level.level} direction="column" gap="xs">
          <Heading>{`${level.level} level (${level.planWeightPercent} % of the plan${level.source === 'statement' ? ', from the period statement' : level.source === 'card' ? ', live' : ''}): ${pct(level.attainment)}`}</Heading>
          {level.note && <Text variant="microcopy">{level.note}</Text>}
          <Table bordered={false}>
            <TableHead>
              <TableRow>
                <TableHeader>Measure</TableHeader>
                <TableHeader>Actual</TableHeader>
                <TableHeader>Target</TableHeader>
                <TableHeader>Attainment</TableHeader>
                <TableHeader>Weight</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {level.measures.map((m) => (
                <TableRow key={m.measure}>
                  <TableCell>{`${m.measure} (${m.kind})`}</TableCell>
                  <TableCell>{m.actual}</TableCell>
                  <TableCell>{`${m.target} (${m.targetSource})`}</TableCell>
                  <TableCell>{pct(m.attainment)}</TableCell>
                  <TableCell>{`${m.weightPercent} %`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Flex>
      ))}
      <ObjectivesFigures extras={v} />
      {v.team && (
        <Flex direction="column" gap="xs">
          <Heading>Your team</Heading>
          {v.team.map((member) => <Text key={member.name}>{`${member.name}: ${pct(member.overall)}`}</Text>)}
        </Flex>
      )}
    </Flex>
  );
}
