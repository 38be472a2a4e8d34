/**
 * Where the pages fetch their data. The build writes this file with the deployed backend's URL
 * (it must be listed in the app's `permittedUrls.fetch`); the local default serves `hs project dev`.
 */
export const BACKEND_URL = 'http://localhost:8080';
/** The backend route answering `portfolioPage(input)` for the signed viewer (a `CardResponse`). */
export const PORTFOLIO_PAGE_PATH = '/hubspot/pages/portfolio';
