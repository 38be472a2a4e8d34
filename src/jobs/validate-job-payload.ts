import { JOB_NAMES, JOBS, payloadIssues, type JobName, type JobPayloads } from './job-definitions';
import { QueueError } from './queue-error';

/**
 * The payload as its job's schema accepts it, or a `QueueError` naming every bad field. Every queue
 * calls it on `send` and on `replay`; workers call it again on receipt, since a stored payload is
 * `unknown` until checked.
 *
 * @example
 * validateJobPayload('recompute-companies', { companyIds: ['42'], reason: 'webhook' })
 * // => { companyIds: ['42'], reason: 'webhook' }
 * validateJobPayload('recompute-companies', { companyIds: [] })
 * // throws QueueError INVALID_PAYLOAD: "companyIds: companyIds must name at least one company; reason: ..."
 */
export function validateJobPayload<Name extends JobName>(name: Name, payload: unknown): JobPayloads[Name] {
  const definition = JOBS[name];
  if (!definition) throw new QueueError('UNKNOWN_JOB', `name: "${String(name)}" is not a job (expected one of ${JOB_NAMES.join(', ')})`, ['name']);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    const issues = payloadIssues(parsed.error);
    throw new QueueError('INVALID_PAYLOAD', `invalid ${name} payload: ${issues.join('; ')}`, issues);
  }
  return parsed.data as JobPayloads[Name];
}
