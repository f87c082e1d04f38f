import { describe, expect, it } from '@jest/globals';
import { benefitAmountFor, benefitAmountView, type StandardDefinition } from '#contracts';
import { validateStandard } from './catalog.service.js';
import { CATALOG_SEED } from './seed/standards.data.js';
import {
  appliedDeadline,
  checkStandardConsistency,
  checkTransition,
  missingRequirements,
  nextTransitionsFor,
  stopsClock,
} from './standard.js';

const seeded = (code: string): StandardDefinition => structuredClone(CATALOG_SEED.find((s) => s.definition.code === code)!.definition);

describe('the seeded standards', () => {
  it('are the five of the seeds, one per agency, each valid as data', async () => {
    expect(CATALOG_SEED.map((s) => [s.agencyCode, s.definition.code])).toEqual([
      ['61', 'LOGISTIK'],
      ['33.04', 'SANTUNAN_ANAK'],
      ['19', 'AUDIENSI'],
      ['35.75', 'BANSOS_REHSOS'],
      ['61.BKS', 'DATA_INFO'],
    ]);
    for (const s of CATALOG_SEED) {
      const v = await validateStandard(s.definition);
      expect(v.ok ? [] : v.errors).toEqual([]);
      expect(s.definition.fee.amount).toBe('0');
    }
  });

  it('keep the decree numbers the seeds name', () => {
    expect(seeded('SANTUNAN_ANAK').decreeNumber).toBe('041.7/127/DinsosPPPA/2023');
    expect(seeded('AUDIENSI').decreeNumber).toBe('188.4/47/DINSOSPMD/2023');
    expect(seeded('DATA_INFO').decreeNumber).toBe('285/OR/2022');
    expect(seeded('BANSOS_REHSOS').decreeNumber).toBeNull();
  });
});

describe('requirements', () => {
  it('names what is missing, leaving "in DTSEN or else an SKTM" to verification', () => {
    const def = seeded('SANTUNAN_ANAK');
    expect(missingRequirements(def, [{ type: 'KTP' }], 'SLRT')).toEqual(['KK', 'SURAT_PERMOHONAN']);
    expect(missingRequirements(def, [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }], 'SLRT')).toEqual([]);
  });
});

describe('deadlines', () => {
  it("takes a rule's deadline for its channel: AUDIENSI's urgent walk-in is 30 minutes", () => {
    const def = seeded('AUDIENSI');
    expect(appliedDeadline(def, 'WALK_IN')).toMatchObject({ amount: 30, unit: 'MINUTES' });
    expect(appliedDeadline(def, 'LETTER')).toMatchObject({
      amount: 1,
      unit: 'CALENDAR_DAYS',
      label: { id: '1 hari kalender', en: '1 calendar day' },
    });
  });

  it('stops the clock at the status that meets the deadline, and at any terminal one', () => {
    const def = seeded('AUDIENSI');
    expect(stopsClock(def, 'DISPOSED')).toBe(false);
    expect(stopsClock(def, 'OFFICER_ASSIGNED')).toBe(true);
    expect(stopsClock(def, 'WITHDRAWN')).toBe(true);
  });
});

describe('the benefit amount', () => {
  it('is unset in every seed: the seeds name what is given, not how much', () => {
    for (const s of CATALOG_SEED) expect(benefitAmountView(s.definition)).toMatchObject({ set: false, amount: null });
    expect(benefitAmountView(seeded('BANSOS_REHSOS'))).toMatchObject({
      required: true,
      unset: ['WRSE', 'LANSIA', 'FAKIR_MISKIN', 'ANAK_YATIM', 'DISABILITAS'],
    });
    expect(benefitAmountView(seeded('AUDIENSI'))).toMatchObject({ required: false });
  });

  it('is the target group’s where it differs, else the standard’s', async () => {
    const def = seeded('BANSOS_REHSOS');
    def.benefit = { amount: '1500000', byTargetGroup: [{ targetGroup: 'DISABILITAS', amount: '2000000' }] };
    expect((await validateStandard(def)).ok).toBe(true);
    expect(benefitAmountFor(def, 'DISABILITAS')).toBe('2000000');
    expect(benefitAmountFor(def, 'LANSIA')).toBe('1500000');
    expect(benefitAmountView(def)).toMatchObject({ set: true, unset: [] });
    def.benefit = { byTargetGroup: [{ targetGroup: 'LANSIA', amount: '900000' }] };
    expect(benefitAmountFor(def, 'WRSE')).toBeNull();
    expect(benefitAmountView(def).unset).toEqual(['WRSE', 'FAKIR_MISKIN', 'ANAK_YATIM', 'DISABILITAS']);
  });

  it('is whole Rupiah above 0, for a group the standard has, and only for a standard disbursement pays', async () => {
    const def = seeded('BANSOS_REHSOS');
    for (const amount of ['0', '1500000.50', '1.500.000', '-5', '1e6']) {
      def.benefit = { amount };
      const v = await validateStandard(def);
      expect(v.ok ? [] : v.errors.map((e) => e.path)).toEqual(['benefit.amount']);
    }
    def.benefit = { amount: 1500000 as never };
    expect((await validateStandard(def)).ok).toBe(false);
    def.benefit = {
      byTargetGroup: [
        { targetGroup: 'ANAK_TERLANTAR', amount: '100000' },
        { targetGroup: 'ANAK_TERLANTAR', amount: '1' },
      ],
    };
    const v = await validateStandard(def);
    expect(v.ok ? [] : v.errors.map((e) => e.path)).toEqual([
      'benefit.byTargetGroup[0].targetGroup',
      'benefit.byTargetGroup[1].targetGroup',
      'benefit.byTargetGroup',
    ]);
    const audiensi = seeded('AUDIENSI');
    audiensi.benefit = { amount: '100000' };
    const a = await validateStandard(audiensi);
    expect(a.ok ? [] : a.errors.map((e) => e.path)).toEqual(['benefit']);
  });
});

describe('the lifecycle', () => {
  const staff = (...roles: string[]) => ({ kind: 'staff' as const, roles });
  const def = seeded('BANSOS_REHSOS');
  const app = (status: string, channel = 'FRONT_OFFICE') => ({ status, channel });

  it('lets the roles the standard names make a transition', () => {
    expect(checkTransition(def, app('VERIFIED'), 'REJECTED', staff('HEAD'), 'meninggal dunia')).toMatchObject({ ok: true });
    expect(checkTransition(def, app('VERIFIED'), 'PROPOSED', { kind: 'system', system: 'disbursement' }, null)).toMatchObject({ ok: true });
    expect(checkTransition(def, app('REGISTERED'), 'WITHDRAWN', staff('FRONT_OFFICE'), 'applicant asked')).toMatchObject({ ok: true });
    expect(checkTransition(def, app('REGISTERED'), 'IN_VERIFICATION', { kind: 'system', system: 'verification' }, null)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a transition the lifecycle does not have (ILLEGAL: 409) and names where it can go', () => {
    const r = checkTransition(def, app('REGISTERED'), 'HANDED_OVER', staff('HEAD'), null);
    expect(r).toMatchObject({ ok: false, reason: 'ILLEGAL', allowed: ['IN_VERIFICATION', 'RETURNED', 'WITHDRAWN'] });
    expect(checkTransition(def, app('HANDED_OVER'), 'REJECTED', staff('HEAD'), 'x')).toMatchObject({ ok: false, reason: 'ILLEGAL' });
  });

  it('refuses a role the transition does not name (NOT_ALLOWED: 403), and a missing reason', () => {
    expect(checkTransition(def, app('VERIFIED'), 'REJECTED', staff('FRONT_OFFICE'), 'x')).toMatchObject({
      ok: false,
      reason: 'NOT_ALLOWED',
    });
    expect(checkTransition(def, app('REGISTERED'), 'WITHDRAWN', staff('FRONT_OFFICE'), '  ')).toMatchObject({
      ok: false,
      reason: 'REASON_REQUIRED',
    });
  });

  it('keeps verification’s decision and disbursement’s steps from staff, whatever their roles (RESERVED: 403)', () => {
    const everyone = staff('FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN');
    const closed = [
      ['IN_VERIFICATION', 'VERIFIED'],
      ['IN_VERIFICATION', 'REJECTED'],
      ['VERIFIED', 'PROPOSED'],
      ['PROPOSED', 'VERIFIED'],
      ['PROPOSED', 'DECREED'],
      ['DECREED', 'DISBURSING'],
      ['DISBURSING', 'HANDED_OVER'],
      ['DECREED', 'NOT_PAID'],
    ];
    for (const code of ['SANTUNAN_ANAK', 'BANSOS_REHSOS']) {
      for (const [from, to] of closed) {
        const r = checkTransition(seeded(code), app(from), to, everyone, 'alasan');
        expect(r).toMatchObject({ ok: false, reason: 'RESERVED', message: expect.stringContaining('never by hand') });
      }
      expect(nextTransitionsFor(seeded(code), app('PROPOSED'), ['HEAD', 'FRONT_OFFICE', 'FINANCE'])).toEqual([]);
    }
  });

  it('ends Pasuruan’s 5 working days with the proposal, and Banjarnegara’s 3 months with the handover', () => {
    expect(seeded('BANSOS_REHSOS').lifecycle.deadlineMetAt).toEqual(['PROPOSED']);
    expect(stopsClock(seeded('BANSOS_REHSOS'), 'PROPOSED')).toBe(true);
    expect(stopsClock(seeded('SANTUNAN_ANAK'), 'PROPOSED')).toBe(false);
    expect(stopsClock(seeded('SANTUNAN_ANAK'), 'NOT_PAID')).toBe(true);
  });

  it('refuses a standard that gives staff a step a service makes', () => {
    const opened = seeded('BANSOS_REHSOS');
    opened.lifecycle.transitions.find((t) => t.to === 'DECREED')!.roles = ['HEAD'];
    expect(checkStandardConsistency(opened)).toEqual([
      { path: 'lifecycle.transitions[5].roles', message: expect.stringContaining('roles must be empty') },
    ]);
  });

  it('lets an urgent walk-in go straight to an officer (AUDIENSI), nobody else', () => {
    const a = seeded('AUDIENSI');
    expect(checkTransition(a, app('REGISTERED', 'WALK_IN'), 'OFFICER_ASSIGNED', staff('FRONT_OFFICE'), null)).toMatchObject({ ok: true });
    expect(checkTransition(a, app('REGISTERED', 'LETTER'), 'OFFICER_ASSIGNED', staff('HEAD'), null)).toMatchObject({
      ok: false,
      reason: 'ILLEGAL',
    });
    expect(nextTransitionsFor(a, app('REGISTERED', 'LETTER'), ['HEAD']).map((t) => t.to)).toEqual(['DISPOSED', 'REJECTED']);
  });

  it('finds the parts of an edited standard that disagree', () => {
    const bad = seeded('DATA_INFO');
    bad.lifecycle.transitions.push({ from: ['DATA_HANDED_OVER'], to: 'NOWHERE', roles: ['HEAD'] });
    bad.lifecycle.deadlineMetAt.push('LOST');
    bad.procedure[0].status = 'GONE';
    bad.lifecycle.statuses = bad.lifecycle.statuses.filter((s) => s.code !== 'RETURNED');
    const paths = checkStandardConsistency(bad).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'lifecycle.statuses',
        'lifecycle.transitions[4].from',
        'lifecycle.transitions[4].to',
        'lifecycle.deadlineMetAt[1]',
        'procedure[0].status',
      ]),
    );
  });
});
