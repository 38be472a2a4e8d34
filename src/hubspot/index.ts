/** The data layer: the only code that talks to HubSpot. */
export { createHubSpotGateway, type HubSpotGateway, type HubSpotGatewayOptions } from './hubspot-gateway';
export { HubSpotError, HubSpotErrorCode } from './hubspot-error';
export { checkMappedProperties } from './mapping-check';
export { readPortalContext, type PortalContext, type StageInfo } from './portal-context';
export { readCompanyFields, readCustomerPages, readCustomers, SYNC_COMPANIES_PER_ASSEMBLY, type CustomerPage, type ReadOptions } from './customer-reader';
export { companiesOfChanges, findTouchedCompanies, searchModifiedIds, TOUCHING_TYPES, type ObjectChange, type TouchingType } from './touched-companies';
export { batchReadAssociations } from './batch-reads';
export { readCustomerNaively, writeCompanyNaively } from './naive-customer-reader';
export { readDealWithCompany, readRepCustomers } from './deal-reader';
export { readOwnerPortfolio } from './owner-portfolio';
export { countTouches, type TouchQuery } from './touch-counter';
export { writeCompanyProperties, writeDealProperties, writeObjectProperties, changedValues, type PropertyUpdate, type WriteResult, type CurrentValues } from './property-writer';
export { ensureCsProperties, describeSetup, type SetupResult } from './property-setup';
export { assertPortalSetUp, missingOutputProperties } from './setup-check';
export type { RateBudget, RetryPolicy } from './request-scheduler';
export { readGoalTargets, readOwners, readStages } from './portal-context';
export { PortalContextCache, type ContextPart, type PortalContextCacheOptions, type ReferencedIds } from './portal-context-cache';
export { companyIdBounds, readCustomerRange, type CompanyIdRange } from './company-id-range';
