import { hubspot } from '@hubspot/ui-extensions';
import { BACKEND_URL, SETTINGS_API_PATH } from '../config/backend';
import type { Send } from './settings-client';

/**
 * Sends through `hubspot.fetch`, which signs the request and adds the HubSpot user: the backend,
 * not the page, decides who may change what.
 */
export const hubspotSend: Send = (path, init) =>
  hubspot.fetch(`${BACKEND_URL}${SETTINGS_API_PATH}${path}`, { method: init.method, timeout: 15_000, ...(init.body ? { body: init.body } : {}) });
