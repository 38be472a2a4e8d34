import type { CardRuntime } from './card-runtime-type';

/**
 * Source default only: `npm run build` replaces this file in dist/ with the tier and backend URL
 * it was given (src/build/assemble-hubspot-project.ts), and refuses to build without a backend URL.
 */
export const CARD_RUNTIME: CardRuntime = { tier: 'pro', backendUrl: 'https://cs-health-backend.invalid', functions: {} };
