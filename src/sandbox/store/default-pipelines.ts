import type { PipelineSeed } from '../seed-format';

/** The pipelines a new HubSpot portal has: the "Sales Pipeline" and the "Support Pipeline". */
export const DEFAULT_DEAL_PIPELINE: PipelineSeed = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    ['appointmentscheduled', 'Appointment Scheduled', '0.2', 'false'],
    ['qualifiedtobuy', 'Qualified To Buy', '0.4', 'false'],
    ['presentationscheduled', 'Presentation Scheduled', '0.6', 'false'],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8', 'false'],
    ['contractsent', 'Contract Sent', '0.9', 'false'],
    ['closedwon', 'Closed Won', '1.0', 'true'],
    ['closedlost', 'Closed Lost', '0.0', 'true'],
  ].map(([id, label, probability, isClosed], displayOrder) => ({
    id: id as string,
    label: label as string,
    displayOrder,
    metadata: { probability: probability as string, isClosed: isClosed as string },
  })),
};

export const DEFAULT_TICKET_PIPELINE: PipelineSeed = {
  id: '0',
  label: 'Support Pipeline',
  displayOrder: 0,
  stages: [
    ['1', 'New', 'OPEN'],
    ['2', 'Waiting on contact', 'OPEN'],
    ['3', 'Waiting on us', 'OPEN'],
    ['4', 'Closed', 'CLOSED'],
  ].map(([id, label, ticketState], displayOrder) => ({
    id: id as string,
    label: label as string,
    displayOrder,
    metadata: { ticketState: ticketState as string, isClosed: String(ticketState === 'CLOSED') },
  })),
};
