import { hubspot } from '@hubspot/ui-extensions';
import { hubspotSend } from './api/hubspot-send';
import { createSettingsClient } from './api/settings-client';
import { SettingsPage } from './components/settings-page';

const client = createSettingsClient(hubspotSend);

/** The app settings extension (platform 2026.03, location `settings`). */
hubspot.extend<'settings'>(({ context }) => <SettingsPage client={client} viewer={{ userId: String(context.user.id) }} />);
