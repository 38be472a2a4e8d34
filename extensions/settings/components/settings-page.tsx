import { useState } from 'react';
import { Alert, Button, Divider, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { SettingsClient } from '../api/settings-client';
import { useApiCall } from '../hooks/use-api-call';
import { EntriesSection } from './entries-section';
import { SettingsEditor } from './settings-editor';
import { VersionHistory } from './version-history';

/**
 * The app's settings page: the settings (editable by an admin, read-only to others), their
 * version history, and the team entries a manager declares. `viewer` is HubSpot's signed-in
 * user; it only decides what the page offers, the API decides what it accepts.
 */
export function SettingsPage({ client, viewer }: { client: SettingsClient; viewer: { userId: string } }) {
  const { state, reload } = useApiCall(client.load);
  // Outlives the editor, which a reload after a save replaces.
  const [notice, setNotice] = useState<string>();
  return (
    <Flex direction="column" gap="lg">
      {state.status === 'loading' && <LoadingSpinner label="Loading the settings..." />}
      {state.status === 'error' && (
        <ErrorState title="The settings cannot be shown">
          <Text>{state.message}</Text>
          <Button onClick={reload}>Try again</Button>
        </ErrorState>
      )}
      {state.status === 'ready' && (
        <>
          {notice && (
            <Alert title="Saved" variant="success">
              {notice}
            </Alert>
          )}
          <Text variant="microcopy">{`Version ${state.data.version}`}</Text>
          {/* A fresh editor per version, so a reload after a save or a conflict starts from what is stored. */}
          <SettingsEditor key={state.data.version} answer={state.data} isAdmin={(state.data.document.admins ?? []).includes(viewer.userId)} client={client} onSaved={(saved) => {
              setNotice(saved);
              reload();
            }} />
          <Divider />
          <VersionHistory history={state.data.history} />
        </>
      )}
      <Divider />
      <EntriesSection client={client} />
    </Flex>
  );
}
