// The migration's transform of an old assistance lifecycle (issue 12): what an installation's
// standards become, checked against the seeds' closed lifecycle and the catalog's own rules.
import { describe, expect, it } from '@jest/globals';
import type { StandardDefinition } from '#contracts';
import { CATALOG_SEED } from '../catalog/seed/standards.data.js';
import { checkStandardConsistency, checkTransition } from '../catalog/standard.js';
import { closedLifecycle } from './1766400000000-disbursement-lifecycle.js';

/** The lifecycle as the seeds wrote it before issue 12 (staff could make every step). */
function oldLifecycle(def: StandardDefinition, deadlineMetAt = ['HANDED_OVER']): StandardDefinition {
  const statuses = def.lifecycle.statuses.filter((s) => s.code !== 'NOT_PAID');
  return {
    ...def,
    lifecycle: {
      initial: 'REGISTERED',
      statuses,
      transitions: [
        { from: ['REGISTERED'], to: 'IN_VERIFICATION', roles: ['HEAD', 'VERIFIER'], systems: ['verification'] },
        { from: ['IN_VERIFICATION'], to: 'VERIFIED', roles: ['VERIFIER'], systems: ['verification'] },
        { from: ['IN_VERIFICATION'], to: 'REJECTED', roles: ['VERIFIER', 'HEAD'], systems: ['verification'], reasonRequired: true },
        { from: ['VERIFIED'], to: 'PROPOSED', roles: ['HEAD'] },
        { from: ['PROPOSED'], to: 'DECREED', roles: ['HEAD'], systems: ['disbursement'] },
        { from: ['VERIFIED', 'PROPOSED'], to: 'REJECTED', roles: ['HEAD'], reasonRequired: true },
        { from: ['DECREED'], to: 'DISBURSING', roles: ['FINANCE', 'HEAD'], systems: ['disbursement'] },
        { from: ['DISBURSING'], to: 'HANDED_OVER', roles: ['FRONT_OFFICE', 'HEAD', 'FINANCE'], systems: ['disbursement'] },
        { from: ['REGISTERED'], to: 'RETURNED', roles: ['FRONT_OFFICE'], reasonRequired: true },
        { from: ['REGISTERED', 'IN_VERIFICATION', 'VERIFIED', 'PROPOSED'], to: 'WITHDRAWN', roles: ['FRONT_OFFICE'], reasonRequired: true },
      ],
      deadlineMetAt,
    },
  };
}

const seed = (code: string) => CATALOG_SEED.find((s) => s.definition.code === code)!;
const moves = (def: StandardDefinition) =>
  def.lifecycle.transitions
    .flatMap((t) => t.from.map((f) => `${f}→${t.to} ${t.roles.join('+') || '-'} ${(t.systems ?? []).join('+') || '-'}`))
    .sort();

describe('the migration to the closed lifecycle', () => {
  it.each(['SANTUNAN_ANAK', 'BANSOS_REHSOS'])('turns %s’s old lifecycle into the seeds’ closed one', (code) => {
    const s = seed(code);
    const old = oldLifecycle(s.definition as StandardDefinition);
    const next = closedLifecycle(s.agencyCode, old as never) as unknown as StandardDefinition;
    expect(next).not.toBeNull();
    expect(checkStandardConsistency(next)).toEqual([]);
    expect(moves(next)).toEqual(moves(s.definition as StandardDefinition));
    expect(next.lifecycle.statuses.map((x) => x.code)).toEqual(s.definition.lifecycle.statuses.map((x) => x.code));
    expect(next.lifecycle.deadlineMetAt).toEqual(s.definition.lifecycle.deadlineMetAt);
    // no benefit amount is invented on the way
    expect(next.benefit).toBeUndefined();
  });

  it('closes verification’s and disbursement’s steps to staff', () => {
    const s = seed('BANSOS_REHSOS');
    const next = closedLifecycle(s.agencyCode, oldLifecycle(s.definition as StandardDefinition) as never) as unknown as StandardDefinition;
    const head = { kind: 'staff' as const, roles: ['HEAD', 'VERIFIER', 'FINANCE', 'FRONT_OFFICE'] };
    for (const [from, to] of [
      ['IN_VERIFICATION', 'VERIFIED'],
      ['VERIFIED', 'PROPOSED'],
      ['PROPOSED', 'DECREED'],
      ['DECREED', 'DISBURSING'],
      ['DISBURSING', 'HANDED_OVER'],
    ]) {
      expect(checkTransition(next, { status: from, channel: 'FRONT_OFFICE' }, to, head, 'x')).toMatchObject({
        ok: false,
        reason: 'RESERVED',
      });
    }
    const disbursement = { kind: 'system' as const, system: 'disbursement' };
    expect(checkTransition(next, { status: 'PROPOSED', channel: 'FRONT_OFFICE' }, 'VERIFIED', disbursement, null)).toMatchObject({
      ok: true,
    });
    expect(
      checkTransition(next, { status: 'DISBURSING', channel: 'FRONT_OFFICE' }, 'NOT_PAID', disbursement, 'rekening ditutup'),
    ).toMatchObject({ ok: true });
  });

  it('leaves a closed lifecycle, and a standard without disbursement, alone (it runs once)', () => {
    for (const s of CATALOG_SEED) expect(closedLifecycle(s.agencyCode, s.definition as never)).toBeNull();
  });

  it('keeps an agency’s own deadline when it is not Pasuruan’s BANSOS_REHSOS', () => {
    const s = seed('SANTUNAN_ANAK');
    const next = closedLifecycle('35.75', oldLifecycle(s.definition as StandardDefinition) as never)!;
    expect(next.lifecycle.deadlineMetAt).toEqual(['HANDED_OVER']);
  });
});
