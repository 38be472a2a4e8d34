import { Button, Flex, Heading, Select, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { SettingsDocument, SettingsIssue } from '../api/settings-api-types';
import { getIn, setIn } from '../model/document-paths';
import { DEFAULT_ROLE_PLANS, LEVELS, MEASURE_FACTS, ROLES } from '../model/settings-defaults';
import { GroupIssues, messageAt } from './field-issues';
import { DateField, NumberField } from './fields';

type RolePlan = (typeof DEFAULT_ROLE_PLANS)['csm'];

/** The groups this editor places issues in (a field inside one shows its own message). */
export const PLAN_GROUP_PATHS = ['plans.period', ...ROLES.map((r) => `plans.roles.${r}`)];

const PERIOD_LENGTHS = [
  { label: 'Month', value: 'month' },
  { label: 'Quarter', value: 'quarter' },
  { label: 'Year', value: 'year' },
];

/** The first day of the current UTC quarter: where a new plan usually starts. */
const quarterStart = (now: Date) => `${now.getUTCFullYear()}-${String(Math.floor(now.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;

interface Props {
  draft: SettingsDocument;
  setDraft: (update: (d: SettingsDocument) => SettingsDocument) => void;
  issues: readonly SettingsIssue[];
  readOnly: boolean;
}

/**
 * The objective plans' key figures: the period, each role's level weights and its measures'
 * weights, targets and thresholds. A role the document leaves out runs on its default plan; the
 * first edit copies that plan in whole (the engine never mixes a role's fields from two sources).
 */
export function PlansEditor({ draft, setDraft, issues, readOnly }: Props) {
  if (!draft.plans) {
    return (
      <Flex direction="column" gap="sm">
        <Heading>Objective plans</Heading>
        <Text>No objective plans yet: the default plans apply and nobody is a manager.</Text>
        {!readOnly && <Button onClick={() => setDraft((d) => ({ ...d, plans: { period: { length: 'quarter', start: quarterStart(new Date()) }, managers: [], assignments: { owners: {}, teams: {} } } }))}>Set up objective plans</Button>}
      </Flex>
    );
  }
  const roleOf = (role: (typeof ROLES)[number]) => (getIn(draft, `plans.roles.${role}`) as RolePlan | undefined) ?? DEFAULT_ROLE_PLANS[role];
  const editRole = (role: (typeof ROLES)[number], path: string, value: unknown) =>
    setDraft((d) => {
      const withRole = getIn(d, `plans.roles.${role}`) ? d : setIn(d, `plans.roles.${role}`, JSON.parse(JSON.stringify(DEFAULT_ROLE_PLANS[role])) as RolePlan);
      return setIn(withRole, path, value);
    });
  const period = (draft.plans.period ?? {}) as { start?: string; end?: string; length?: string };
  const setPath = (path: string, value: unknown) => setDraft((d) => setIn(d, path, value));
  const lengthMessage = messageAt(issues, 'plans.period.length');
  return (
    <Flex direction="column" gap="sm">
      <Heading>Objective plans</Heading>
      <GroupIssues issues={issues} path="plans.period" />
      <Flex direction="row" gap="sm">
        <DateField label="Period start" path="plans.period.start" value={period.start ?? ''} issues={issues} readOnly={readOnly} onChange={setPath} />
        <Select label="Period length" name="plans.period.length" value={period.length} options={PERIOD_LENGTHS} readOnly={readOnly} error={lengthMessage !== undefined} validationMessage={lengthMessage} onChange={(v) => setPath('plans.period.length', v)} />
        <DateField label="Period end (optional)" path="plans.period.end" value={period.end ?? ''} issues={issues} readOnly={readOnly} onChange={(p, v) => setPath(p, v === '' ? undefined : v)} />
      </Flex>
      {ROLES.map((role) => {
        const plan = roleOf(role);
        const base = `plans.roles.${role}`;
        return (
          <Flex key={role} direction="column" gap="xs">
            <Heading>{`Role: ${role}${getIn(draft, base) ? '' : ' (default plan)'}`}</Heading>
            <GroupIssues issues={issues} path={base} />
            <GroupIssues issues={issues} path={`${base}.levels`} />
            <Flex direction="row" gap="sm">
              {LEVELS.map((level) => (
                <NumberField key={level} label={`${level} %`} path={`${base}.levels.${level}`} value={plan.levels[level]} issues={issues} readOnly={readOnly} onChange={(p, v) => editRole(role, p, v)} />
              ))}
            </Flex>
            <GroupIssues issues={issues} path={`${base}.split`} />
            <Flex direction="row" gap="sm">
              <NumberField label="Variable pay %" path={`${base}.variableSharePercent`} value={plan.variableSharePercent} issues={issues} readOnly={readOnly} onChange={(p, v) => editRole(role, p, v)} />
              {(['lead', 'lag'] as const).map((kind) => (
                <NumberField key={kind} label={`${kind} measures %`} path={`${base}.split.${kind}`} value={plan.split[kind]} issues={issues} readOnly={readOnly} onChange={(p, v) => editRole(role, p, v)} />
              ))}
            </Flex>
            <GroupIssues issues={issues} path={`${base}.measures`} />
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeader>Measure</TableHeader>
                  <TableHeader>Weight %</TableHeader>
                  <TableHeader>Target</TableHeader>
                  <TableHeader>Threshold</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.measures.map((m, i) => (
                  <TableRow key={m.measure}>
                    <TableCell>{`${MEASURE_FACTS[m.measure]?.label ?? m.measure} (${MEASURE_FACTS[m.measure]?.kind ?? '?'})`}</TableCell>
                    {(['weight', 'target', 'threshold'] as const).map((key) => (
                      <TableCell key={key}>
                        <NumberField label={`${m.measure} ${key}`} path={`${base}.measures.${i}.${key}`} value={m[key]} issues={issues} readOnly={readOnly} onChange={(p, v) => editRole(role, p, v)} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Flex>
        );
      })}
    </Flex>
  );
}
