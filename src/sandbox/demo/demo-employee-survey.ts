import { emitSubmission, EMPLOYEE_SURVEY_NAME } from './demo-feedback';
import type { DemoOwner, DemoTeams } from './demo-portal-setup';
import type { DemoRandom } from './demo-random';
import { DAY, HOUR, isoDateTime } from './demo-time';
import { EMPLOYEE_VERBATIMS } from './demo-vocabulary';
import type { DemoWriter } from './demo-writer';

/** How the vendor's employees answer (0-10): mostly passives and promoters. */
const ENPS_ANSWERS = { '4': 3, '5': 5, '6': 12, '7': 20, '8': 25, '9': 22, '10': 13 } as const;

/**
 * The vendor's own employee NPS (eNPS) round of the last 60 days: about 70 % of the owners answer.
 * Each answering employee is a contact with the owner's e-mail and no company, so no customer's
 * feedback (read through its contacts) ever includes these answers; the submissions carry
 * `hs_survey_type` NPS and `hs_survey_name` "Employee NPS".
 */
export function emitEmployeeSurvey(writer: DemoWriter, random: DemoRandom, teams: DemoTeams, asOf: number): number {
  const employees: [DemoOwner, string][] = [
    [teams.csManager, 'Customer Success Manager (team lead)'], ...teams.csms.map((o): [DemoOwner, string] => [o, 'Customer Success Manager']),
    [teams.salesManager, 'Head of Sales'], ...teams.reps.map((o): [DemoOwner, string] => [o, 'Account Executive']),
    ...teams.ams.map((o): [DemoOwner, string] => [o, 'Account Manager']),
  ];
  const surveyStart = asOf - 60 * DAY;
  let answers = 0;
  for (const [owner, title] of employees) {
    if (!random.chance(0.7)) continue;
    const [firstname, ...rest] = owner.name.split(' ');
    const contactId = writer.create('contacts', { firstname, lastname: rest.join(' '), email: owner.email, jobtitle: title, lifecyclestage: 'other', createdate: isoDateTime(surveyStart - 400 * DAY) }, surveyStart - 400 * DAY);
    const at = surveyStart + random.int(0, 14) * DAY + random.int(8, 18) * HOUR;
    emitSubmission(writer, random, {
      type: 'NPS', value: Number(random.weighted(ENPS_ANSWERS)), at, contactId,
      surveyName: EMPLOYEE_SURVEY_NAME, content: random.chance(0.6) ? random.pick(EMPLOYEE_VERBATIMS) : null,
    });
    answers += 1;
  }
  return answers;
}
