import { describe, expect, it } from '@jest/globals';
import { attachRefusal, mayReadPhone, rtRwOf } from './field-officer.js';

const officer = (username: string, roles: string[], agencyCode = '33.04') => ({ username, roles, agencyCode });

describe('rtRwOf: RT and RW as people write them', () => {
  it('reads the usual forms, three digits each', () => {
    expect(rtRwOf('Jl. Melati 7 RT 02 RW 03')).toEqual({ rt: '002', rw: '003' });
    expect(rtRwOf('Dusun Krajan RT.002/RW.005, Gumelem')).toEqual({ rt: '002', rw: '005' });
    expect(rtRwOf('Gang Mawar rt 4 / 11')).toEqual({ rt: '004', rw: '011' });
    expect(rtRwOf('Jl. Sudirman, RT: 1 RW: 2')).toEqual({ rt: '001', rw: '002' });
  });

  it('says null where the address does not say (and reads no RT inside a word)', () => {
    expect(rtRwOf('Jl. Pertiwi 12')).toEqual({ rt: null, rw: null });
    expect(rtRwOf('Jl. Artha Graha 3')).toEqual({ rt: null, rw: null });
    expect(rtRwOf(null)).toEqual({ rt: null, rw: null });
    expect(rtRwOf('RW 04 Kampung Baru')).toEqual({ rt: null, rw: '004' });
  });
});

describe('mayReadPhone: the assigned officer and the head', () => {
  const task = { agencyCode: '33.04', assignee: 'andi' };
  it('shows the phone to the officer the task is assigned to and to the agency’s head', () => {
    expect(mayReadPhone(officer('andi', ['VERIFIER']), task)).toBe(true);
    expect(mayReadPhone(officer('kepala', ['HEAD']), task)).toBe(true);
  });
  it('hides it from another verifier, the admin, and a province’s head', () => {
    expect(mayReadPhone(officer('budi', ['VERIFIER']), task)).toBe(false);
    expect(mayReadPhone(officer('admin', ['ADMIN']), task)).toBe(false);
    expect(mayReadPhone(officer('kepala', ['HEAD'], '33'), task)).toBe(false);
    expect(mayReadPhone(officer('andi', ['VERIFIER']), { agencyCode: '33.04', assignee: null })).toBe(false);
  });
});

describe('attachRefusal: who adds a visit’s photos', () => {
  const task = { agencyCode: '33.04', assignee: 'andi' };
  it('lets the assigned verifier, the head and the admin of the agency', () => {
    expect(attachRefusal(officer('andi', ['VERIFIER']), task)).toBeNull();
    expect(attachRefusal(officer('kepala', ['HEAD']), task)).toBeNull();
    expect(attachRefusal(officer('admin', ['ADMIN']), task)).toBeNull();
  });
  it('refuses another verifier, another agency, and other roles, saying why', () => {
    expect(attachRefusal(officer('budi', ['VERIFIER']), task)).toBe('NOT_ASSIGNED');
    expect(attachRefusal(officer('andi', ['VERIFIER']), { ...task, assignee: null })).toBe('NOT_ASSIGNED');
    expect(attachRefusal(officer('kepala', ['HEAD'], '33'), task)).toBe('AGENCY');
    expect(attachRefusal(officer('rina', ['FRONT_OFFICE']), task)).toBe('ROLE');
  });
});
