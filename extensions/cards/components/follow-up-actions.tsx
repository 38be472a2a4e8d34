import { Button, Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';
import type { HealthCardExtras } from './card-extras';

export type FollowUpActionState = { status: 'idle' } | { status: 'working' } | { status: 'done'; message: string } | { status: 'error'; message: string };

/**
 * The detractor follow-up as actions: create the task (owner = company owner, due =
 * `cs_detractor_followup_due`) and mark the loop closed; an overdue follow-up is tagged.
 */
export function FollowUpActions({ followUp, action = { status: 'idle' }, onCreateTask, onCloseLoop }: { followUp?: HealthCardExtras['followUp']; action?: FollowUpActionState; onCreateTask?: () => void; onCloseLoop?: () => void }) {
  if (!followUp) return null;
  const busy = action.status === 'working';
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Detractor follow-up</Heading>
        {followUp.overdue ? <Tag variant="error">Overdue</Tag> : <Tag variant="warning">Due</Tag>}
      </Flex>
      <Text>{`Call before ${followUp.due.slice(0, 16).replace('T', ' ')} UTC${followUp.ownerName ? ` (${followUp.ownerName})` : ''}.`}</Text>
      {followUp.taskId && <Text variant="microcopy">{`Task ${followUp.taskId} is open in HubSpot.`}</Text>}
      <Flex direction="row" gap="sm">
        {!followUp.taskId && <Button disabled={busy || !onCreateTask} onClick={() => onCreateTask?.()}>Create follow-up task</Button>}
        <Button variant="secondary" disabled={busy || !onCloseLoop} onClick={() => onCloseLoop?.()}>Mark loop closed</Button>
      </Flex>
      {action.status === 'done' && <Text>{action.message}</Text>}
      {action.status === 'error' && <Text format={{ fontWeight: 'bold' }}>{action.message}</Text>}
    </Flex>
  );
}
