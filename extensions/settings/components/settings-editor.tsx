import { useState } from 'react';
import { Alert, Button, Divider, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { SettingsClient } from '../api/settings-client';
import type { SettingsAnswer, SettingsDocument, SettingsIssue } from '../api/settings-api-types';
import { getIn, pathWithin, setIn } from '../model/document-paths';
import { COMPONENT_KEYS, DEFAULT_BANDS, DEFAULT_HEALTH_WEIGHTS, DEFAULT_RISK_LEVELS, DEFAULT_RISK_WEIGHTS, RISK_RULE_KEYS } from '../model/settings-defaults';
import { validateSettings } from '../model/validate-settings';
import { GroupIssues } from './field-issues';
import { NumberField } from './fields';
import { PEOPLE_PATHS, PeopleEditor } from './people-editor';
import { PLAN_GROUP_PATHS, PlansEditor } from './plans-editor';

type Banner = { variant: 'danger' | 'warning'; title: string; message: string; reload?: boolean } | undefined;

/** Every field and group path this editor shows an issue at; anything else goes in the top alert. */
const ENGINE_PATHS = [
  'engine.health.weights',
  ...COMPONENT_KEYS.map((k) => `engine.health.weights.${k}`),
  'engine.health.bands',
  'engine.health.bands.atRiskUpTo',
  'engine.health.bands.neutralUpTo',
  ...RISK_RULE_KEYS.map((k) => `engine.churnRisk.weights.${k}`),
  'engine.churnRisk.levels',
  'engine.churnRisk.levels.mediumFrom',
  'engine.churnRisk.levels.highFrom',
];
const PLACED = [...ENGINE_PATHS, ...PLAN_GROUP_PATHS, ...PEOPLE_PATHS];
const isPlaced = (issue: SettingsIssue) => PLACED.some((p) => issue.path === p) || PLAN_GROUP_PATHS.concat(PEOPLE_PATHS).some((p) => pathWithin(issue.path, p));

/**
 * The settings as a form: health weights and bands, churn-risk rule weights and levels, the
 * objective plans, managers, teams and admins. An admin saves the whole document with the version
 * they opened; a non-admin sees the same figures read-only.
 */
export function SettingsEditor({ answer, isAdmin, client, onSaved }: { answer: SettingsAnswer; isAdmin: boolean; client: SettingsClient; onSaved: (notice?: string) => void }) {
  const [draft, setDraft] = useState<SettingsDocument>(answer.document);
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  const [banner, setBanner] = useState<Banner>();
  const [saving, setSaving] = useState(false);
  const readOnly = !isAdmin;
  const change = (path: string, value: unknown) => setDraft((d) => setIn(d, path, value));
  const num = (path: string, fallback: number) => {
    const v = getIn(draft, path);
    return typeof v === 'number' ? v : fallback;
  };

  const save = async () => {
    const found = validateSettings(draft);
    setIssues(found);
    if (found.length) {
      setBanner({ variant: 'danger', title: 'Not saved', message: `${found.length} ${found.length === 1 ? 'field needs' : 'fields need'} a change: see the messages next to them.` });
      return;
    }
    setSaving(true);
    const result = await client.save(draft, answer.version);
    setSaving(false);
    if (result.ok) {
      const count = Object.keys(result.data.changes).length;
      onSaved(`Saved as version ${result.data.version}: ${count} ${count === 1 ? 'change' : 'changes'} recorded with your name and the time.`);
      return;
    }
    setIssues(result.issues);
    if (result.kind === 'conflict') setBanner({ variant: 'warning', title: 'Someone else saved first', message: result.message, reload: true });
    else setBanner({ variant: 'danger', title: result.kind === 'invalid' ? 'Not saved: cs-health refused the change' : 'Not saved', message: result.message });
  };

  const unplaced = issues.filter((i) => !isPlaced(i));
  const field = { issues, readOnly, onChange: change };
  return (
    <Flex direction="column" gap="md">
      {readOnly && (
        <Alert title="Read-only" variant="info">
          Only cs-health admins can change these settings; you see them as they apply.
        </Alert>
      )}
      {banner && (
        <Alert title={banner.title} variant={banner.variant}>
          {banner.message}
          {banner.reload && <Button onClick={() => onSaved()}>Reload the settings</Button>}
        </Alert>
      )}
      {unplaced.length > 0 && (
        <Alert title="Other problems" variant="danger">
          {unplaced.map((i) => `${i.path}: ${i.message}`).join('; ')}
        </Alert>
      )}
      <Heading>Health score weights</Heading>
      <Text variant="microcopy">How much each component counts; a segment's own scorecard overrides these.</Text>
      <GroupIssues issues={issues} path="engine.health.weights" />
      <Flex direction="row" gap="sm" wrap="wrap">
        {COMPONENT_KEYS.map((k) => (
          <NumberField key={k} label={k} path={`engine.health.weights.${k}`} value={num(`engine.health.weights.${k}`, DEFAULT_HEALTH_WEIGHTS[k])} {...field} />
        ))}
      </Flex>
      <Heading>Health bands</Heading>
      <GroupIssues issues={issues} path="engine.health.bands" />
      <Flex direction="row" gap="sm">
        <NumberField label="At risk up to" path="engine.health.bands.atRiskUpTo" value={num('engine.health.bands.atRiskUpTo', DEFAULT_BANDS.atRiskUpTo)} {...field} />
        <NumberField label="Neutral up to" path="engine.health.bands.neutralUpTo" value={num('engine.health.bands.neutralUpTo', DEFAULT_BANDS.neutralUpTo)} {...field} />
      </Flex>
      <Heading>Churn-risk rule weights</Heading>
      <Flex direction="row" gap="sm" wrap="wrap">
        {RISK_RULE_KEYS.map((k) => (
          <NumberField key={k} label={k} path={`engine.churnRisk.weights.${k}`} value={num(`engine.churnRisk.weights.${k}`, DEFAULT_RISK_WEIGHTS[k])} {...field} />
        ))}
      </Flex>
      <GroupIssues issues={issues} path="engine.churnRisk.levels" />
      <Flex direction="row" gap="sm">
        <NumberField label="Medium risk from" path="engine.churnRisk.levels.mediumFrom" value={num('engine.churnRisk.levels.mediumFrom', DEFAULT_RISK_LEVELS.mediumFrom)} {...field} />
        <NumberField label="High risk from" path="engine.churnRisk.levels.highFrom" value={num('engine.churnRisk.levels.highFrom', DEFAULT_RISK_LEVELS.highFrom)} {...field} />
      </Flex>
      <Divider />
      <PlansEditor draft={draft} setDraft={setDraft} {...field} />
      <Divider />
      <PeopleEditor draft={draft} {...field} />
      {isAdmin && (
        <Button variant="primary" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving...' : 'Save settings'}
        </Button>
      )}
    </Flex>
  );
}
