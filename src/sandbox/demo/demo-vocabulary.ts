/**
 * Words for a believable portal. Names and verbatims mix English, French, German and Spanish on
 * purpose: non-ASCII text must survive the sandbox, the data layer and the cards.
 */

/** 40 x 25 x 10 x 12 = 120,000 distinct company names (see `companyName`). */
export const NAME_ROOTS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Tyrell', 'Soylent', 'Cyberdyne', 'Wonka',
  'Aperture', 'Nakatomi', 'Dunder', 'Gringotts', 'Éclair', 'Bretagne', 'Léman', 'Zürich', 'Nordwind', 'Kestrel',
  'Solaris', 'Bluefin', 'Redwood', 'Quantica', 'Helios', 'Orchid', 'Baltic', 'Cobalt', 'Meridian', 'Atlas',
  'Fjord', 'Sakura', 'Andes', 'Sirocco', 'Mistral', 'Camino', 'Vértice', 'Øresund', 'Kraków', 'Provence',
] as const;

/** A business line and the HubSpot `industry` value it implies. */
export const NAME_QUALIFIERS = [
  ['Data', 'COMPUTER_SOFTWARE'], ['Cloud', 'COMPUTER_SOFTWARE'], ['Health', 'HOSPITAL_HEALTH_CARE'], ['Retail', 'RETAIL'],
  ['Logistics', 'LOGISTICS_AND_SUPPLY_CHAIN'], ['Foods', 'FOOD_PRODUCTION'], ['Energy', 'OIL_ENERGY'], ['Media', 'MEDIA_PRODUCTION'],
  ['Finance', 'FINANCIAL_SERVICES'], ['Machines', 'MACHINERY'], ['Bio', 'PHARMACEUTICALS'], ['Mobility', 'AUTOMOTIVE'],
  ['Textiles', 'TEXTILES'], ['Pharma', 'PHARMACEUTICALS'], ['Travel', 'LEISURE_TRAVEL_TOURISM'], ['Insurance', 'INSURANCE'],
  ['Learning', 'EDUCATION_MANAGEMENT'], ['Legal', 'LEGAL_SERVICES'], ['Labs', 'COMPUTER_SOFTWARE'], ['Marine', 'LOGISTICS_AND_SUPPLY_CHAIN'],
  ['Clinics', 'HOSPITAL_HEALTH_CARE'], ['Payments', 'FINANCIAL_SERVICES'], ['Foodservice', 'FOOD_PRODUCTION'], ['Fashion', 'RETAIL'],
  ['Robotics', 'MACHINERY'],
] as const;

export const NAME_REGIONS = ['', ' Europe', ' Americas', ' APAC', ' Nordics', ' Iberia', ' DACH', ' France', ' UK', ' Benelux'] as const;
export const NAME_SUFFIXES = ['Corp', 'Inc.', 'Group', 'SAS', 'GmbH', 'Ltd', 'S.A.', 'AG', 'BV', 'Oy', 'AB', 'LLC'] as const;

export const FIRST_NAMES = [
  'Ana', 'Bo', 'Chloé', 'Dmitri', 'Elif', 'François', 'Grace', 'Hiro', 'Inès', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Noor',
  'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Thérèse', 'Ugo', 'Valentina', 'Wen', 'Xavier', 'Yasmine', 'Zoë', 'Björn', 'Agnès',
] as const;
export const LAST_NAMES = [
  'Martin', 'Nguyen', 'Schmidt', 'García', 'Dubois', 'Okafor', 'Kowalski', 'Rossi', 'Tanaka', 'Müller', 'Lefèvre', 'Smith',
  'Johansson', 'Da Silva', 'Haddad', 'Novák', 'Fernández', "O'Brien", 'Petit', 'Łukasik', 'Yamamoto', 'Moreau',
] as const;

/** The champion (first contact) and the other people a vendor talks to at a customer. */
export const CHAMPION_TITLES = ['Head of Operations', 'Customer Success Lead', 'Product Manager', 'Directrice des opérations', 'Head of Data'] as const;
export const OTHER_TITLES = ['CTO', 'IT Director', 'COO', 'CFO', 'Procurement Manager', 'Responsable informatique', 'Team Lead'] as const;

/** NPS verbatims by response group (promoter / passive / detractor). */
export const NPS_VERBATIMS = {
  promoter: [
    'Support is fast and the product saves us hours every week.',
    'Équipe réactive, outil indispensable pour nous.',
    'Onboarding was smooth; our team adopted it in days.',
    'The dashboards finally show our results to the board.',
    'Super Produkt, die Integration mit unserem ERP läuft reibungslos.',
    'Our CSM knows our business — the quarterly reviews are genuinely useful.',
    'Muy buena herramienta, el equipo de soporte responde rápido.',
    'We rolled it out to three more teams this quarter.',
  ],
  passive: [
    'Does the job, a few features are missing.',
    'Correct, mais le reporting pourrait être plus clair.',
    'Good value, but the mobile app lags.',
    'Fine overall; the API limits slow down our nightly import.',
    'Gutes Tool, aber die Rechteverwaltung ist umständlich.',
    'We like it, though the last release moved things around.',
  ],
  detractor: [
    'We cannot see the value: nobody uses the dashboards.',
    'Trop de bugs depuis la dernière mise à jour, très déçus.',
    'Tickets stay open for weeks, we are considering alternatives.',
    'Pricing went up while quality went down.',
    'Seit dem Update ist die Synchronisation ständig verzögert.',
    'Nobody has called us since the kickoff; we feel left alone.',
    'Demasiados errores en la exportación, perdemos tiempo cada semana.',
  ],
} as const;

/** CSAT verbatims (after a ticket) by response group. */
export const CSAT_VERBATIMS = {
  satisfied: ['Solved in one reply, thank you!', 'Problème réglé rapidement, merci Chloé.', 'Clear explanation and a quick fix.', 'Very helpful agent.'],
  neutral: ['Solved, but it took a few back-and-forths.', 'OK, même si la réponse était un peu lente.', 'Fixed eventually.'],
  dissatisfied: ['Took days to get an answer.', 'The workaround does not really solve our problem.', 'Ticket fermé sans solution.', 'I had to explain the issue three times.'],
} as const;

/** CES verbatims by response group. */
export const CES_VERBATIMS = {
  satisfied: ['Easy to set up the new workflow.', 'Très simple à configurer.', 'Found everything in the help centre.'],
  neutral: ['Took a while to find the right setting.', 'Documentation could be clearer.'],
  dissatisfied: ['Far too many steps to export a report.', 'Impossible de trouver le bon paramètre sans le support.'],
} as const;

export const EMPLOYEE_VERBATIMS = [
  'Great team, but our tooling for renewals is clunky.',
  "J'aime mon équipe, la charge de travail est élevée en fin de trimestre.",
  'Clear goals and a fair bonus plan.',
  'Too many accounts per CSM since the reorganisation.',
  'I learn a lot and feel supported by my manager.',
] as const;

/** Why a customer did not renew, and whether the CS team could have acted (about a quarter could, per the domain brief). */
export const CHURN_REASONS = [
  { reason: 'Acquired by a company using a competitor', controllable: false, weight: 18 },
  { reason: 'Budget cut after a restructuring', controllable: false, weight: 22 },
  { reason: 'Company closed the business unit', controllable: false, weight: 12 },
  { reason: 'Moved to an all-in-one suite chosen by the group', controllable: false, weight: 14 },
  { reason: 'Insolvency', controllable: false, weight: 8 },
  { reason: 'No adoption after onboarding', controllable: true, weight: 10 },
  { reason: 'Unresolved support issues', controllable: true, weight: 8 },
  { reason: 'Champion left and no new sponsor found', controllable: true, weight: 8 },
] as const;

/** Why early-life customers (first 90 days) cancelled: mostly oversold deals. */
export const EARLY_CHURN_REASONS = [
  { reason: 'Product did not match what was sold', controllable: false },
  { reason: 'No adoption after onboarding', controllable: true },
  { reason: 'Expected integration not available', controllable: false },
] as const;

/** Why a prospect's new-business deal was lost (sales losses, not churn). */
export const PROSPECT_LOSS_REASONS = ['Chose a competitor', 'No budget this year', 'No decision', 'Timing: project postponed', 'Price too high'] as const;

export const PRODUCTS = {
  gold: 'Enterprise plan',
  silver: 'Business plan',
  bronze: 'Starter plan',
} as const;
export const ADD_ONS = ['Extra seats', 'Analytics module', 'Premium support', 'API access', 'Additional workspace'] as const;

export const TICKETS = [
  { subject: 'Cannot export report', category: 'PRODUCT_ISSUE' },
  { subject: 'SSO login fails', category: 'PRODUCT_ISSUE' },
  { subject: 'Invoice question', category: 'BILLING_ISSUE' },
  { subject: 'Data sync delayed', category: 'PRODUCT_ISSUE' },
  { subject: 'Feature request: API filter', category: 'FEATURE_REQUEST' },
  { subject: 'Dashboard shows wrong totals', category: 'PRODUCT_ISSUE' },
  { subject: 'User permissions', category: 'GENERAL_INQUIRY' },
  { subject: 'Import stuck at 90 %', category: 'PRODUCT_ISSUE' },
  { subject: 'Accès refusé après la mise à jour', category: 'PRODUCT_ISSUE' },
  { subject: 'How do I add a workspace?', category: 'GENERAL_INQUIRY' },
  { subject: 'Webhook retries flood our endpoint', category: 'PRODUCT_ISSUE' },
  { subject: 'VAT number on invoice', category: 'BILLING_ISSUE' },
] as const;

export const CALL_TITLES = ['Check-in call', 'Usage review', 'Renewal discussion', 'Escalation follow-up', 'Appel de suivi'] as const;
export const EMAIL_SUBJECTS = ['Your monthly usage report', 'Follow-up on our call', 'New features this month', 'Invitation: quarterly business review', 'Re: question sur la facturation'] as const;
export const MEETING_TITLES = ['Quarterly business review', 'Onboarding session', 'Training: dashboards', 'Executive sponsor meeting', 'Atelier de lancement'] as const;
