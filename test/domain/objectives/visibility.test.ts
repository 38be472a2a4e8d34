import { attainmentFor, canViewAttainment, visibleAttainments, type Org } from '../../../src/domain/objectives/visibility';

const org: Org = {
  owners: [
    { id: 'lea', teamIds: ['north'], role: 'cs_manager' },
    { id: 'max', teamIds: ['north'], role: 'cs_manager' },
    { id: 'ana', teamIds: ['north'], role: 'csm' },
    { id: 'bo', teamIds: ['north'], role: 'csm' },
    { id: 'cy', teamIds: ['south'], role: 'csm' },
  ],
};
const person = (id: string) => {
  const o = org.owners.find((x) => x.id === id);
  return o ? { ownerId: o.id, role: o.role, teamIds: o.teamIds } : { ownerId: id, teamIds: [] };
};

describe('who may see whose attainment', () => {
  it('lets a person see their own figures', () => {
    expect(canViewAttainment(person('ana'), person('ana'), org)).toEqual({ allowed: true, as: 'self' });
  });

  it('refuses a CSM asking for a peer\'s figures, with the reason', () => {
    expect(canViewAttainment(person('ana'), person('bo'), org)).toEqual({ allowed: false, code: 'peer', reason: 'individual figures are visible to the person and their manager only' });
  });

  it('lets a manager see their team\'s members, not another team\'s nor a fellow manager\'s', () => {
    expect(canViewAttainment(person('lea'), person('ana'), org)).toEqual({ allowed: true, as: 'manager' });
    expect(canViewAttainment(person('lea'), person('cy'), org)).toMatchObject({ allowed: false, code: 'outside_team' });
    expect(canViewAttainment(person('lea'), person('max'), org)).toMatchObject({ allowed: false, code: 'peer' });
  });

  it('follows the declared managers of each team when the org gives them', () => {
    const declared: Org = { ...org, managersByTeam: { south: ['lea'] } };
    expect(canViewAttainment(person('lea'), person('cy'), declared)).toEqual({ allowed: true, as: 'manager' });
    expect(canViewAttainment(person('lea'), person('ana'), declared)).toMatchObject({ allowed: false, code: 'peer' });
  });

  it('shows an unknown user nothing, even one claiming to be a manager', () => {
    expect(canViewAttainment(undefined, person('ana'), org)).toEqual({ allowed: false, code: 'unknown_viewer', reason: 'you are not a HubSpot owner known to cs-health' });
    expect(canViewAttainment({ ownerId: 'eve', role: 'cs_manager', teamIds: ['north'] }, person('ana'), org)).toMatchObject({ allowed: false, code: 'unknown_viewer' });
  });

  it('computes a subject\'s figures only for a viewer allowed to see them', () => {
    const compute = jest.fn(() => ({ overall: 97 }));
    expect(attainmentFor(person('bo'), person('ana'), org, compute)).toEqual({ allowed: false, code: 'peer', reason: 'individual figures are visible to the person and their manager only' });
    expect(compute).not.toHaveBeenCalled();
    expect(attainmentFor(person('lea'), person('ana'), org, compute)).toEqual({ allowed: true, as: 'manager', attainment: { overall: 97 } });
  });

  it('hands a manager their team list and a CSM only their own line of it', () => {
    const team = ['ana', 'bo', 'cy'].map((id) => ({ person: person(id), compute: () => ({ overall: id.length }) }));
    expect(visibleAttainments(person('lea'), team, org)).toEqual({ visible: [{ ownerId: 'ana', as: 'manager', attainment: { overall: 3 } }, { ownerId: 'bo', as: 'manager', attainment: { overall: 2 } }], hidden: 1 });
    expect(visibleAttainments(person('bo'), team, org).visible.map((v) => v.ownerId)).toEqual(['bo']);
    expect(visibleAttainments(undefined, team, org)).toEqual({ visible: [], hidden: 3 });
  });
});
