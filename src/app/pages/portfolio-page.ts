import type { EngineConfig } from '../../domain/config/engine-config';
import { churnReasonSummary } from '../../domain/churn-risk/churn-reasons';
import type { FeedbackResponse } from '../../domain/customer';
import { feedbackBy, feedbackByPeriod, type FeedbackSlice } from '../../domain/feedback/feedback-slices';
import { feedbackInWindow } from '../../domain/feedback/company-feedback';
import type { Org, Person } from '../../domain/objectives/visibility';
import { atRiskByMrr } from '../../domain/portfolio/at-risk-customers';
import { followUpsDue } from '../../domain/portfolio/follow-ups-due';
import { healthDistribution } from '../../domain/portfolio/health-distribution';
import type { PortfolioEntry } from '../../domain/portfolio/portfolio-entry';
import { retentionByCohort, retentionBySegment, type GroupedRevenue, type RetentionGroup } from '../../domain/portfolio/retention-drilldown';
import { retentionSeries } from '../../domain/portfolio/retention-series';
import { revenueContracts } from '../../domain/revenue/revenue-contracts';
import { trailingTwelveMonths, type RetentionFigures } from '../../domain/revenue/retention';
import type { Metric } from '../../domain/metric';
import { serviceValue } from '../../domain/service-value/service-value';
import type { CardResponse } from '../../views/card-response';
import type { FeedbackRow, PortfolioPageView, RetentionRow } from '../../views/pages/portfolio-page-view';
import { reportSections } from './model-report-view';
import { figureOf, money, pageFigure } from './page-figures';
import { inScope, pageScope } from './page-visibility';

export interface PortfolioPageInput {
  asOf: Date;
  config: EngineConfig;
  /** Every company of the portal with its assessment and status; the page keeps the viewer's part. */
  entries: readonly PortfolioEntry[];
  owners: readonly { id: string; name: string }[];
  /** The HubSpot user looking, as the signed request names them; undefined when unknown. */
  viewer: Person | undefined;
  org: Org;
  /** The viewer is a CS leader (a cs-health admin): every company, attainment still by the identity rule. */
  leader?: boolean;
  model?: { version?: number; fittedAt?: Date; report: Record<string, unknown> };
  /** Overall attainment per person for the current period (from the statements). */
  attainments?: readonly { ownerId: string; overall?: number }[];
  /** People surveyed per segment / owner, when known, for the response rate. */
  surveyed?: { bySegment?: Readonly<Record<string, number>>; byOwner?: Readonly<Record<string, number>> };
  limits?: { atRisk?: number; followUps?: number; cohorts?: number; saved?: number };
}

const SCOPE_LABEL = { book: 'Your book', team: 'Your team', all: 'All customers' } as const;
const EMPTY_MESSAGE = { book: 'No company is assigned to you yet.', team: 'No company is assigned to your team yet.', all: 'No company is known to cs-health yet.' } as const;
const BAND_LABEL = { healthy: 'Healthy', neutral: 'Neutral', at_risk: 'At risk' } as const;

function retentionFigures(m: Metric<RetentionFigures>) {
  return {
    nrr: pageFigure(m, (v) => v.nrr),
    grr: pageFigure(m, (v) => v.grr),
    logoChurn: pageFigure(m, (v) => v.logoChurnRate),
    revenueChurn: pageFigure(m, (v) => v.revenueChurnRate),
  };
}

const retentionRow = (g: RetentionGroup): RetentionRow => ({ key: g.key, customers: g.customers, ...retentionFigures(g.retention) });

function feedbackRow(slice: FeedbackSlice, surveyed?: number, label = slice.key): FeedbackRow {
  return {
    key: label,
    nps: pageFigure(slice.nps, (v) => v.score, (n) => String(Math.round(n))),
    csat: pageFigure(slice.csat, (v) => v.score),
    responses: slice.responses,
    npsResponses: slice.nps.kind === 'value' ? slice.nps.value.responses : 0,
    csatResponses: slice.csat.kind === 'value' ? slice.csat.value.responses : 0,
    ...(surveyed !== undefined ? { responseRate: figureOf(surveyed > 0 ? (slice.responses / surveyed) * 100 : undefined, 'nobody surveyed') } : {}),
  };
}

/**
 * The app pages' data for one viewer: health distribution, NRR/GRR by month with cohort and
 * segment drill-downs, logo vs revenue churn, at-risk customers by MRR at stake, detractor
 * follow-ups (overdue marked), NPS/CSAT by segment, owner and month, churn reasons with the
 * CS-controllable share, service value, the churn model's report and the attainment the viewer
 * may see. Pure: everything comes from the engine's outputs passed in; lists are capped so the
 * answer stays far under `hubspot.fetch`'s 1 MB.
 */
export function portfolioPage(input: PortfolioPageInput): CardResponse<PortfolioPageView> {
  const scope = pageScope(input.viewer, input.org, input.leader);
  if (!scope.allowed) return { status: 'error', code: 'FORBIDDEN', message: `The portfolio cannot be shown: ${scope.reason}.` };
  const entries = input.entries.filter((e) => inScope(scope, e.customer.ownerId));
  if (entries.length === 0) return { status: 'empty', message: EMPTY_MESSAGE[scope.kind] };

  const { asOf, config } = input;
  const limits = { atRisk: 50, followUps: 100, cohorts: 36, saved: 25, ...input.limits };
  const ownerName = new Map(input.owners.map((o) => [o.id, o.name]));
  const nameOf = (ownerId: string | undefined) => (ownerId ? ownerName.get(ownerId) ?? `Owner ${ownerId}` : 'unassigned');
  const companyName = new Map(entries.map((e) => [e.customer.id, e.customer.name ?? `Company ${e.customer.id}`]));
  const customers = entries.map((e) => e.customer);
  const year = trailingTwelveMonths(asOf);

  const distribution = healthDistribution(entries);
  const revenues: GroupedRevenue[] = customers.map((c) => ({ id: c.id, segment: c.segment, contracts: revenueContracts(c.deals) }));
  const series = retentionSeries(revenues, asOf, 12);
  const latest = series[series.length - 1].retention;
  const atRisk = atRiskByMrr(entries, limits.atRisk);
  const followUps = followUpsDue(entries, asOf);
  const reasons = churnReasonSummary(customers, year);
  const service = serviceValue(customers, year, config);
  const answers: FeedbackResponse[] = customers.flatMap((c) => feedbackInWindow(c, asOf, config.windows.feedbackDays));

  const people = scope.allCompanies ? input.org.owners : input.org.owners.filter((o) => scope.ownerIds.has(o.id));
  const attainment = (input.attainments ?? []).filter((a) => scope.ownerIds.has(a.ownerId));
  return {
    status: 'ok',
    view: {
      asOf: asOf.toISOString(),
      scope: { kind: scope.kind, label: SCOPE_LABEL[scope.kind], owners: people.length, customers: entries.length },
      health: {
        active: distribution.active,
        churned: distribution.churned,
        prospects: distribution.prospects,
        bands: (['healthy', 'neutral', 'at_risk'] as const).map((band) => ({ band, label: BAND_LABEL[band], customers: distribution.bands[band], mrr: money(distribution.mrrByBand[band]) })),
        risk: (['low', 'medium', 'high'] as const).map((level) => ({ level, customers: distribution.risk[level] })),
      },
      retention: {
        months: series.map((p) => ({ month: p.month, ...retentionFigures(p.retention) })),
        latest: {
          ...retentionFigures(latest),
          customersAtStart: latest.kind === 'value' ? latest.value.customersAtStart : 0,
          customersLost: latest.kind === 'value' ? latest.value.customersLost : 0,
          startingMrr: money(latest.kind === 'value' ? latest.value.startingMrr : 0),
          churnedMrr: money(latest.kind === 'value' ? latest.value.churnedMrr : 0),
          contraction: money(latest.kind === 'value' ? latest.value.contraction : 0),
          expansion: money(latest.kind === 'value' ? latest.value.expansion : 0),
        },
        byCohort: retentionByCohort(revenues, year).slice(-limits.cohorts).map(retentionRow),
        bySegment: retentionBySegment(revenues, year).map(retentionRow),
      },
      atRisk: {
        count: atRisk.count,
        mrrAtStake: money(atRisk.mrrAtStake),
        customers: atRisk.customers.map((c) => ({ companyId: c.customerId, name: companyName.get(c.customerId) as string, owner: nameOf(c.ownerId), score: c.score, band: BAND_LABEL[c.band], risk: c.risk, mrr: money(c.mrr), topReason: c.topReason ?? '' })),
      },
      followUps: {
        overdue: followUps.filter((f) => f.overdue).length,
        customers: followUps.slice(0, limits.followUps).map((f) => ({
          companyId: f.customerId,
          name: companyName.get(f.customerId) as string,
          owner: nameOf(f.ownerId),
          due: `${f.due.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          overdue: f.overdue,
          late: f.overdue ? `${f.hoursOverdue} h overdue` : 'due',
        })),
      },
      feedback: {
        bySegment: feedbackBy(customers, 'segment', asOf, config.windows.feedbackDays).map((s) => feedbackRow(s, input.surveyed?.bySegment?.[s.key])),
        byOwner: feedbackBy(customers, 'owner', asOf, config.windows.feedbackDays).map((s) => feedbackRow(s, input.surveyed?.byOwner?.[s.key], s.key === 'unassigned' ? 'unassigned' : nameOf(s.key))),
        byMonth: feedbackByPeriod(answers, 'month').map((s) => feedbackRow(s)),
      },
      churnReasons: {
        lostRenewals: reasons.lostRenewals,
        controllable: reasons.controllable,
        notControllable: reasons.notControllable,
        unknown: reasons.unknown,
        controllableShare: figureOf(reasons.controllableShare, 'no lost renewal says whether CS could control it'),
        reasons: reasons.byReason,
      },
      serviceValue: {
        renewalsAfterContact: service.renewalsAfterContact,
        renewalMrrAfterContact: money(service.renewalMrrAfterContact),
        expansionsAfterContact: service.expansionsAfterContact,
        expansionMrrAfterContact: money(service.expansionMrrAfterContact),
        customersSaved: service.customersSaved,
        revenueSecured: money(service.revenueSecured),
        saved: service.saved.slice(0, limits.saved).map((s) => ({ companyId: s.customerId, name: companyName.get(s.customerId) ?? `Company ${s.customerId}`, lowestScore: Math.round(s.lowestScore), renewedAt: s.renewedAt.toISOString().slice(0, 10), mrrSecured: money(s.mrrSecured) })),
      },
      ...(input.model ? { model: { version: input.model.version, fittedAt: input.model.fittedAt?.toISOString(), sections: reportSections(input.model.report) } } : {}),
      attainment: {
        people: attainment.map((a) => ({
          ownerId: a.ownerId,
          name: nameOf(a.ownerId),
          overall: figureOf(a.overall, 'no measure had data'),
          as: a.ownerId === input.viewer?.ownerId ? ('self' as const) : ('manager' as const),
        })),
        hidden: (input.attainments ?? []).length - attainment.length,
      },
    },
  };
}
