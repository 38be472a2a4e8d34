import { companyName } from './demo-company-name';
import { emitFeedback, type DetractorAnswer } from './demo-feedback';
import { asciiSlug, type DemoOwner } from './demo-portal-setup';
import { ARCHETYPE_PROFILES, SEGMENT_PROFILES, type Archetype, type Segment } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { planRevenue } from './demo-revenue';
import { emitTickets } from './demo-tickets';
import { DAY, HOUR, isoDateTime } from './demo-time';
import { emitTouches, planTouches, type Touch } from './demo-touches';
import { CHAMPION_TITLES, FIRST_NAMES, LAST_NAMES, OTHER_TITLES } from './demo-vocabulary';
import type { DemoWriter } from './demo-writer';

const CONTACT_COUNT_MIX = { one: 5, two: 70, three: 25 } as const;

export interface CompanyInput {
  index: number;
  archetype: Archetype;
  segment: Segment;
  earlyChurn: boolean;
  csm: DemoOwner;
  rep: DemoOwner;
  am: DemoOwner;
  asOf: number;
}

/** What the summary needs to know about a generated company. */
export interface CompanyOutcome {
  id: string;
  /** The latest NPS detractor answer of the last 90 days: followed by a touch on that contact, or still due. */
  detractorFollowUp?: 'due' | 'done';
}

/**
 * One customer with everything around it, emitted as it is made: the company id and contact ids
 * are reserved first (so company ids follow the company index), then deals with line items,
 * tickets, survey answers and touches, then the company and contacts whose "last contacted" dates
 * those touches determine.
 */
export function emitCompany(writer: DemoWriter, random: DemoRandom, input: CompanyInput): CompanyOutcome {
  const { archetype, segment, csm, asOf } = input;
  const profile = ARCHETYPE_PROFILES[archetype];
  const { name, domain, industry } = companyName(input.index);
  const companyId = writer.reserve('companies');
  const contactCount = random.weighted(CONTACT_COUNT_MIX);
  const contactIds = Array.from({ length: contactCount === 'one' ? 1 : contactCount === 'two' ? 2 : 3 }, () => writer.reserve('contacts'));

  const story = planRevenue({ random, archetype, segment, earlyChurn: input.earlyChurn, asOf, companyName: name, rep: input.rep, csm, am: input.am });
  for (const deal of story.deals) {
    const dealId = writer.create('deals', deal.properties, deal.createdAt);
    writer.link('deals', dealId, 'companies', companyId);
    writer.link('deals', dealId, 'contacts', contactIds[0]);
    if (deal.lineItem) {
      const lineItemId = writer.create('line_items', deal.lineItem, deal.createdAt);
      writer.link('line_items', lineItemId, 'deals', dealId);
    }
  }

  const { firstClose, activeUntil } = story;
  const closedTickets = emitTickets({ random, writer, profile, companyId, contactIds, owner: csm, firstClose, activeUntil, asOf });
  const detractors = emitFeedback({ random, writer, profile, slipping: archetype === 'slipping', contactIds, closedTickets, firstClose, activeUntil, asOf });

  const touches: Touch[] = planTouches(random, { ...profile.touches, firstClose, activeUntil, asOf, contactIds, owner: csm });
  // Detractors are called back within 48 h, or not: both cases feed the product's follow-up alert.
  for (const detractor of detractors) {
    if (detractor.at < asOf - 90 * DAY || !random.chance(profile.detractorFollowUpChance)) continue;
    const at = detractor.at + random.int(2, 40) * HOUR;
    if (at <= asOf) touches.push({ type: 'calls', at, contactId: detractor.contactId, owner: csm, title: 'Follow-up on your NPS feedback' });
  }
  // Half of the customers who left get an exit interview (a CSM lead measure).
  if (story.churnedAt !== undefined && archetype === 'churned' && random.chance(0.5)) {
    const at = story.churnedAt + random.int(5, 30) * DAY + random.int(9, 17) * HOUR;
    if (at <= asOf) touches.push({ type: 'meetings', at, contactId: contactIds[0], owner: csm, title: 'Exit interview' });
  }
  const contacted = emitTouches(writer, random, companyId, touches);

  // The company was in the CRM before its first deal was opened (a lost prospect can be a year older than the first close).
  const firstDealOpened = story.deals.reduce((earliest, deal) => Math.min(earliest, deal.createdAt), firstClose);
  const createdAt = Math.min(firstClose - random.int(30, 120) * DAY, firstDealOpened - random.int(1, 20) * DAY);
  const [usageLow, usageHigh] = profile.usage;
  const [employeesLow, employeesHigh] = SEGMENT_PROFILES[segment].employees;
  const properties: Record<string, string> = {
    name, domain, industry,
    hubspot_owner_id: csm.id,
    cs_segment: segment,
    cs_usage_score: String(random.int(usageLow, usageHigh)),
    createdate: isoDateTime(createdAt),
    num_contacted_notes: String(touches.length),
    numberofemployees: String(random.int(employeesLow, employeesHigh)),
    lifecyclestage: story.churnedAt === undefined ? 'customer' : 'other',
  };
  if (contacted.companyLast !== undefined) properties.notes_last_contacted = isoDateTime(contacted.companyLast);
  writer.emit('companies', companyId, properties, createdAt);

  const usedEmails = new Set<string>();
  contactIds.forEach((contactId, index) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let email = `${asciiSlug(first, '')}.${asciiSlug(last, '')}@${domain}`;
    if (usedEmails.has(email)) email = email.replace('@', `${index + 1}@`);
    usedEmails.add(email);
    // The champion came with the company (every deal is associated to them); others joined within weeks.
    const contactCreatedAt = index === 0 ? createdAt : createdAt + random.int(0, 20) * DAY;
    const contact: Record<string, string> = {
      firstname: first, lastname: last, email,
      jobtitle: index === 0 ? random.pick(CHAMPION_TITLES) : random.pick(OTHER_TITLES),
      createdate: isoDateTime(contactCreatedAt),
      lifecyclestage: properties.lifecyclestage,
    };
    const lastContacted = contacted.byContact.get(contactId);
    if (lastContacted !== undefined) contact.notes_last_contacted = isoDateTime(lastContacted);
    writer.emit('contacts', contactId, contact, contactCreatedAt);
    writer.link('companies', companyId, 'contacts', contactId);
  });

  return { id: companyId, detractorFollowUp: followUpState(detractors, contacted.byContact, asOf) };
}

/** Whether the latest detractor answer of the last 90 days was followed by a touch on that contact. */
function followUpState(detractors: readonly DetractorAnswer[], byContact: ReadonlyMap<string, number>, asOf: number): CompanyOutcome['detractorFollowUp'] {
  let latest: DetractorAnswer | undefined;
  for (const d of detractors) if (d.at >= asOf - 90 * DAY && d.at <= asOf && (!latest || d.at > latest.at)) latest = d;
  if (!latest) return undefined;
  return (byContact.get(latest.contactId) ?? 0) > latest.at ? 'done' : 'due';
}
