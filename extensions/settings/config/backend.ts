/**
 * Where the settings page sends its requests. The build writes this file with the deployed
 * backend's URL (it must be listed in the app's `permittedUrls.fetch`); the local default serves
 * `hs project dev`.
 */
export const BACKEND_URL = 'http://localhost:8080';
/** Where the backend mounts the settings API (`createSettingsRouter`), behind its signature check. */
export const SETTINGS_API_PATH = '/hubspot/settings';
