import { describe, expect, it } from '@jest/globals';
import { AreaIndex, areaLevelOf, loadAreaIndex, normalizeAreaCode } from './area-codes.js';

describe('normalizeAreaCode', () => {
  it('accepts the undotted and the dotted form of each level', () => {
    expect(normalizeAreaCode('33')).toBe('33');
    expect(normalizeAreaCode('3304')).toBe('33.04');
    expect(normalizeAreaCode('330401')).toBe('33.04.01');
    expect(normalizeAreaCode('3304012001')).toBe('33.04.01.2001');
    expect(normalizeAreaCode('33.04.01.2001')).toBe('33.04.01.2001');
    expect(normalizeAreaCode(' 33.04 ')).toBe('33.04');
  });

  it('refuses other shapes', () => {
    for (const bad of ['', '3', '330', '33.4', '33.04.1', '33.0401', '33040120011', '33-04', 'ab', '33.04.01.201']) {
      expect(normalizeAreaCode(bad)).toBeUndefined();
    }
  });

  it('tells the level from the shape', () => {
    expect(areaLevelOf('61')).toBe('PROVINCE');
    expect(areaLevelOf('6171')).toBe('REGENCY');
    expect(areaLevelOf('61.71.01')).toBe('DISTRICT');
    expect(areaLevelOf('6171011002')).toBe('VILLAGE');
    expect(areaLevelOf('617')).toBeUndefined();
  });
});

describe('loadAreaIndex: the official Kemendagri list from idn-area-data', () => {
  it('loads once: 38 provinces, 514 regencies and cities, 7,285 districts, 83,762 villages', async () => {
    const a = await loadAreaIndex();
    expect(await loadAreaIndex()).toBe(a);
    expect(a.size).toEqual({ PROVINCE: 38, REGENCY: 514, DISTRICT: 7285, VILLAGE: 83762 });
  });

  it('knows the seed agencies’ areas by name', async () => {
    const a = await loadAreaIndex();
    expect(a.name('61')).toBe('Kalimantan Barat');
    expect(a.name('19')).toBe('Kepulauan Bangka Belitung');
    expect(a.name('33.04')).toBe('Kabupaten Banjarnegara');
    expect(a.name('3575')).toBe('Kota Pasuruan');
    expect(a.name('61.71')).toBe('Kota Pontianak');
    expect(a.name('61.71.01')).toBe('Pontianak Selatan');
    expect(a.name('33.04.01.2001')).toBe('Berta'); // desa Berta, kecamatan Susukan
    expect(a.name('96')).toBe('Papua Barat Daya'); // the 2022 provinces are there
    expect(a.name('33.04.99')).toBeUndefined();
  });

  it('checks each level, in either form', async () => {
    const a = await loadAreaIndex();
    expect(a.isProvince('33')).toBe(true);
    expect(a.isProvince('00')).toBe(false);
    expect(a.isProvince('33.04')).toBe(false);
    expect(a.isRegency('33.04')).toBe(true);
    expect(a.isRegency('3304')).toBe(true);
    expect(a.isRegency('33.99')).toBe(false);
    expect(a.isDistrict('33.04.01')).toBe(true);
    expect(a.isDistrict('330401')).toBe(true);
    expect(a.isDistrict('33.04.99')).toBe(false);
    expect(a.isVillage('33.04.01.2001')).toBe(true);
    expect(a.isVillage('3304012001')).toBe(true);
    expect(a.isVillage('61.71.01.1002')).toBe(true);
    expect(a.isVillage('61.71.01.1001')).toBe(false); // Pontianak Selatan's kelurahan start at 1002
    expect(a.isVillage('33.04.01')).toBe(false);
    expect(a.exists('35.75.01')).toBe(true);
    expect(a.exists('35.75.99')).toBe(false);
  });

  it('gives the parent one level up', async () => {
    const a = await loadAreaIndex();
    expect(a.parentOf('3304012001')).toBe('33.04.01');
    expect(a.parentOf('33.04.01')).toBe('33.04');
    expect(a.parentOf('33.04')).toBe('33');
    expect(a.parentOf('33')).toBeUndefined();
    expect(a.parentOf('33.04.99')).toBeUndefined();
  });
});

describe('AreaIndex from rows (for tests of other code)', () => {
  it('works on a small list', () => {
    const a = new AreaIndex({
      provinces: [{ code: '33', name: 'Jawa Tengah' }],
      regencies: [{ code: '33.04', name: 'Kabupaten Banjarnegara' }],
      districts: [{ code: '33.04.01', name: 'Susukan' }],
      villages: [],
    });
    expect(a.isDistrict('330401')).toBe(true);
    expect(a.isVillage('3304012001')).toBe(false);
  });
});

describe('AreaIndex.findByName: a search by place name', () => {
  const a = new AreaIndex({
    provinces: [{ code: '33', name: 'Jawa Tengah' }],
    regencies: [{ code: '33.04', name: 'Kabupaten Banjarnegara' }],
    districts: [
      { code: '33.04.01', name: 'Susukan' },
      { code: '33.04.02', name: 'Purwareja Klampok' },
      { code: '33.05.01', name: 'Susukan Lain' },
    ],
    villages: [
      { code: '33.04.01.2001', name: 'Gumelem Wetan' },
      { code: '33.04.01.2002', name: 'Gumelem Kulon' },
      { code: '33.05.01.2001', name: 'Gumelem Jauh' },
    ],
  });

  it('finds districts and villages inside the given areas only, whatever the case', () => {
    expect(a.findByName('gumelem', ['33.04'])).toEqual({ districts: [], villages: ['33.04.01.2001', '33.04.01.2002'] });
    expect(a.findByName('SUSUKAN', ['33.04'])).toEqual({ districts: ['33.04.01'], villages: [] });
    expect(a.findByName('susukan', ['33'])).toEqual({ districts: ['33.04.01', '33.05.01'], villages: [] });
  });

  it('finds nothing for an empty needle or outside every area', () => {
    expect(a.findByName('  ', ['33.04'])).toEqual({ districts: [], villages: [] });
    expect(a.findByName('gumelem', ['61'])).toEqual({ districts: [], villages: [] });
  });
});
