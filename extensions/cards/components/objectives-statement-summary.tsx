import { Alert, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { ObjectivesStatementView } from '../../../src/views/my-objectives-view';
import { LabelledBar } from './labelled-figures';

/** `2026-11-29T03:00:00.000Z` -> `2026-11-29 03:00 UTC`. */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The sync's period statement behind the department and company levels: its overall figure, when
 * it was computed and with which settings version; or, in words, why there is none to show.
 */
export function ObjectivesStatementSummary({ statement }: { statement: ObjectivesStatementView }) {
  if (statement.status !== 'ok') {
    if (statement.status === 'empty') return <Alert title="No period statement yet" variant="info">{statement.message}</Alert>;
    if (statement.status === 'error') return <Alert title="Department and company levels unavailable" variant="danger">{statement.message}</Alert>;
    return <Text variant="microcopy">{statement.message}</Text>;
  }
  const locked = statement.lockedAt ? `; locked ${when(statement.lockedAt)} when the period ended` : '';
  return (
    <Flex direction="column" gap="xs">
      <Heading>{`Period statement ${statement.periodKey}`}</Heading>
      <LabelledBar label={`Overall, all levels (statement version ${statement.version})`} value={statement.overall} />
      <Text variant="microcopy">{`Computed by the sync on ${when(statement.computedAt)} with settings version ${statement.settingsVersion}${locked}. Department: ${statement.department}.`}</Text>
      {statement.awaitingApproval > 0 && <Text variant="microcopy">{`${statement.awaitingApproval} declared exceptional ${statement.awaitingApproval === 1 ? 'event awaits' : 'events await'} an admin's approval: not applied yet.`}</Text>}
    </Flex>
  );
}
