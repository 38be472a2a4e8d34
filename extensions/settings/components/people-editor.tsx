import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { SettingsDocument, SettingsIssue } from '../api/settings-api-types';
import { idsOf } from '../model/validate-entries';
import { ListField } from './fields';

export const PEOPLE_PATHS = ['plans.managers', 'plans.assignments.teams', 'plans.assignments.owners', 'admins'];

const joinIds = (ids: unknown) => (Array.isArray(ids) ? ids.join(', ') : '');
const formatRoles = (record: unknown) =>
  typeof record === 'object' && record !== null ? Object.entries(record as Record<string, string>).map(([id, role]) => `${id}=${role}`).join(', ') : '';
/** `t1=csm, t2=am` to `{ t1: 'csm', t2: 'am' }`; a pair without `=` keeps an empty role for the API to name. */
const parseRoles = (text: string) =>
  Object.fromEntries(
    text
      .split(/[,;\n]+/)
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const [id, role = ''] = pair.split('=');
        return [id.trim(), role.trim()];
      }),
  );

interface Props {
  draft: SettingsDocument;
  issues: readonly SettingsIssue[];
  readOnly: boolean;
  onChange: (path: string, value: unknown) => void;
}

/** Who manages whom, which role a team or owner plays, and who may change these settings. */
export function PeopleEditor({ draft, issues, readOnly, onChange }: Props) {
  const plans = draft.plans as { managers?: unknown; assignments?: { teams?: unknown; owners?: unknown } } | undefined;
  const field = { issues, readOnly, onChange };
  return (
    <Flex direction="column" gap="sm">
      <Heading>Managers, teams and admins</Heading>
      {plans ? (
        <>
          <ListField label="CS managers (HubSpot owner ids)" path="plans.managers" value={plans.managers as string[]} format={joinIds} parse={idsOf} {...field} />
          <ListField label="Team roles (team id=role)" path="plans.assignments.teams" description="Roles: csm, am, cs_manager, sales_rep" value={plans.assignments?.teams} format={formatRoles} parse={parseRoles} {...field} />
          <ListField label="Owner roles (owner id=role)" path="plans.assignments.owners" value={plans.assignments?.owners} format={formatRoles} parse={parseRoles} {...field} />
        </>
      ) : (
        <Text>Managers and roles are part of the objective plans: set the plans up first.</Text>
      )}
      <ListField label="Admins (HubSpot user ids)" path="admins" description="Only these users can change the settings." value={draft.admins} format={joinIds} parse={idsOf} {...field} />
    </Flex>
  );
}
