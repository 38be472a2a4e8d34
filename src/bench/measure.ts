/** Seconds a call count costs at HubSpot's Pro/Enterprise budget (190 requests per 10 s). */
export const secondsAtBudget = (calls: number, perTenSeconds = 190): number => (calls / perTenSeconds) * 10;

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
