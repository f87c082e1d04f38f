import { describe, expect, it } from '@jest/globals';
import { RupiahError, RupiahErrorCode, formatRupiah, parseRupiah, sumRupiah } from './rupiah.js';

describe('parseRupiah', () => {
  it('reads whole Rupiah', () => {
    expect(parseRupiah('1500000')).toBe(1_500_000n);
    expect(parseRupiah('0')).toBe(0n);
    expect(parseRupiah('1.500.000')).toBe(1_500_000n);
    expect(parseRupiah('Rp1.500.000')).toBe(1_500_000n);
    expect(parseRupiah('Rp 300.000,-')).toBe(300_000n);
    expect(parseRupiah('1.500')).toBe(1_500n); // a dot groups thousands in Indonesian
    expect(parseRupiah('9007199254740993')).toBe(9_007_199_254_740_993n); // beyond a double's precision
  });

  const code = (s: string) => {
    try {
      parseRupiah(s);
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(RupiahError);
      return (e as RupiahError).code;
    }
  };

  it('refuses decimals, saying so', () => {
    for (const s of ['1500000,50', '1.500.000,00', '1500.00', '1.5', '0,5']) expect(code(s)).toBe(RupiahErrorCode.Decimal);
    expect(() => parseRupiah('1500000,50')).toThrow('has decimals: Rupiah amounts are whole Rupiah');
  });

  it('refuses negatives, saying so', () => {
    for (const s of ['-1500000', 'Rp-1.500.000', '-0']) expect(code(s)).toBe(RupiahErrorCode.Negative);
    expect(() => parseRupiah('-5')).toThrow('is negative');
  });

  it('refuses anything else', () => {
    expect(code('')).toBe(RupiahErrorCode.Empty);
    for (const s of ['abc', '1,500,000', '15.00.000', '1 500 000', '1e6', '0x10']) expect(code(s)).toBe(RupiahErrorCode.Format);
  });
});

describe('formatRupiah', () => {
  it('groups thousands the Indonesian way, or the English way', () => {
    expect(formatRupiah(1_500_000n, 'id')).toBe('Rp1.500.000');
    expect(formatRupiah(1_500_000n, 'en')).toBe('Rp1,500,000');
    expect(formatRupiah(0n, 'id')).toBe('Rp0');
    expect(formatRupiah(999n, 'id')).toBe('Rp999');
    expect(formatRupiah(1_000n, 'id')).toBe('Rp1.000');
    expect(formatRupiah(-250_000n, 'id')).toBe('-Rp250.000');
    expect(formatRupiah(12_345_678_901_234n, 'id')).toBe('Rp12.345.678.901.234');
  });

  it('round-trips with parseRupiah', () => {
    expect(parseRupiah(formatRupiah(1_234_567n, 'id'))).toBe(1_234_567n);
  });
});

describe('sumRupiah', () => {
  it('sums exactly', () => {
    expect(sumRupiah([])).toBe(0n);
    expect(sumRupiah([300_000n, 300_000n, 1_500_000n])).toBe(2_100_000n);
    expect(sumRupiah(Array.from({ length: 1000 }, () => 9_007_199_254_740_993n))).toBe(9_007_199_254_740_993_000n);
  });
});
