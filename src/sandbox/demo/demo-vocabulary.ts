/** Names and words for a believable portal; verbatims in English and French (non-ASCII on purpose). */
export const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent', 'Cyberdyne', 'Wonka', 'Aperture', 'Nakatomi', 'Oscorp', 'Massive', 'Dunder', 'Pied Piper', 'Gringotts', 'Éclair', 'Bretagne', 'Léman', 'Zürich', 'Nordwind'];
export const COMPANY_SUFFIXES = ['Corp', 'Labs', 'Systems', 'Group', 'Logistics', 'Health', 'Retail', 'Analytics', 'SAS', 'GmbH'];
export const INDUSTRIES = ['COMPUTER_SOFTWARE', 'RETAIL', 'HOSPITAL_HEALTH_CARE', 'LOGISTICS_AND_SUPPLY_CHAIN', 'FINANCIAL_SERVICES', 'MANUFACTURING'];
export const FIRST_NAMES = ['Ana', 'Bo', 'Chloé', 'Dmitri', 'Elif', 'François', 'Grace', 'Hiro', 'Inès', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Noor', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Thérèse'];
export const LAST_NAMES = ['Martin', 'Nguyen', 'Schmidt', 'García', 'Dubois', 'Okafor', 'Kowalski', 'Rossi', 'Tanaka', 'Müller', 'Lefèvre', 'Smith'];
export const JOB_TITLES = ['Head of Operations', 'CTO', 'Product Manager', 'Customer Success Lead', 'IT Director', 'COO'];

export const VERBATIMS = {
  promoter: ['Support is fast and the product saves us hours every week.', 'Équipe réactive, outil indispensable pour nous.', 'Onboarding was smooth; our team adopted it in days.', 'The dashboards finally show our results to the board.'],
  passive: ['Does the job, a few features are missing.', 'Correct, mais le reporting pourrait être plus clair.', 'Good value, but the mobile app lags.'],
  detractor: ['We cannot see the value: nobody uses the dashboards.', 'Trop de bugs depuis la dernière mise à jour, très déçus.', 'Tickets stay open for weeks, we are considering alternatives.', 'Pricing went up while quality went down.'],
};

export const CHURN_REASONS = [
  { reason: 'Acquired by a company using a competitor', controllable: false },
  { reason: 'Budget cut', controllable: false },
  { reason: 'Company closed the business unit', controllable: false },
  { reason: 'No adoption after onboarding', controllable: true },
  { reason: 'Unresolved support issues', controllable: true },
  { reason: 'Champion left and no new sponsor found', controllable: true },
] as const;

export const TICKET_SUBJECTS = ['Cannot export report', 'SSO login fails', 'Invoice question', 'Data sync delayed', 'Feature request: API filter', 'Dashboard shows wrong totals', 'User permissions', 'Import stuck at 90 %'];
