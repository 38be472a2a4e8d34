import { Text } from '@hubspot/ui-extensions';
import type { SettingsIssue } from '../api/settings-api-types';

/** The messages for exactly this path, joined for an input's `validationMessage`. */
export const messageAt = (issues: readonly SettingsIssue[], path: string): string | undefined => {
  const here = issues.filter((i) => i.path === path).map((i) => i.message);
  return here.length ? here.join('; ') : undefined;
};

/** A group's own issues (`engine.health.bands`: one rule across its fields), under its heading. */
export function GroupIssues({ issues, path }: { issues: readonly SettingsIssue[]; path: string }) {
  const here = issues.filter((i) => i.path === path);
  if (here.length === 0) return null;
  return (
    <>
      {here.map((i) => (
        <Text key={i.message} variant="microcopy" format={{ fontWeight: 'demibold' }}>
          {`${path}: ${i.message}`}
        </Text>
      ))}
    </>
  );
}
