/** The deal card's view model: will this customer stay, and what the rep's retention objective says. */
export interface RetentionTargetView {
  dealId: string;
  dealName: string;
  customer?: { companyId: string; name: string; healthScore: number; band: 'healthy' | 'neutral' | 'at_risk'; churnRisk: 'low' | 'medium' | 'high' };
  /** The deal's company when the engine does not score it (a prospect, a churned customer, no data), with why. */
  unscoredCustomer?: { companyId: string; name: string; reason: string };
  earlyChurnRisk: 'low' | 'medium' | 'high';
  rep: { ownerId?: string; name: string; wonCustomers: number; lostWithin90Days: number; earlyChurnRate?: number; targetRate: number };
  countsTowardObjective: boolean;
  status: 'on_track' | 'at_risk' | 'missed';
  statusReason: string;
  weightedValue?: { amount: number; probability: number; value: number };
  stageCheck: { ok: boolean; message: string };
}
