import { describe, expect, it } from '@jest/globals';
import { RupiahError } from './rupiah.js';
import {
  TERBILANG_MAX,
  TerbilangError,
  TerbilangErrorCode,
  numberInWordsEn,
  numberInWordsId,
  terbilang,
  terbilangTitle,
} from './terbilang.js';

describe('terbilang (Indonesian)', () => {
  const cases: Array<[bigint, string]> = [
    [0n, 'nol'],
    [1n, 'satu'],
    [9n, 'sembilan'],
    [10n, 'sepuluh'],
    [11n, 'sebelas'],
    [12n, 'dua belas'],
    [19n, 'sembilan belas'],
    [20n, 'dua puluh'],
    [21n, 'dua puluh satu'],
    [99n, 'sembilan puluh sembilan'],
    [100n, 'seratus'],
    [101n, 'seratus satu'],
    [110n, 'seratus sepuluh'],
    [111n, 'seratus sebelas'],
    [200n, 'dua ratus'],
    [999n, 'sembilan ratus sembilan puluh sembilan'],
    [1_000n, 'seribu'],
    [1_001n, 'seribu satu'],
    [1_100n, 'seribu seratus'],
    [1_111n, 'seribu seratus sebelas'],
    [2_000n, 'dua ribu'],
    [10_000n, 'sepuluh ribu'],
    [11_000n, 'sebelas ribu'],
    [21_000n, 'dua puluh satu ribu'],
    [100_000n, 'seratus ribu'],
    [101_000n, 'seratus satu ribu'],
    [300_000n, 'tiga ratus ribu'],
    [1_000_000n, 'satu juta'],
    [1_001_000n, 'satu juta seribu'],
    [1_500_000n, 'satu juta lima ratus ribu'],
    [10_000_000n, 'sepuluh juta'],
    [11_000_000n, 'sebelas juta'],
    [45_000_000n, 'empat puluh lima juta'],
    [100_000_000n, 'seratus juta'],
    [1_000_000_000n, 'satu miliar'],
    [1_000_001_000n, 'satu miliar seribu'],
    [2_500_000_000n, 'dua miliar lima ratus juta'],
    [30_000_000_000n, 'tiga puluh miliar'],
    [1_000_000_000_000n, 'satu triliun'],
    [3_600_000_000_000n, 'tiga triliun enam ratus miliar'],
    [
      12_345_678_901_234n,
      'dua belas triliun tiga ratus empat puluh lima miliar enam ratus tujuh puluh delapan juta ' +
        'sembilan ratus satu ribu dua ratus tiga puluh empat',
    ],
    [1_000_000_000_000_000n, 'satu kuadriliun'],
    [3_621_300_000_000_000n, 'tiga kuadriliun enam ratus dua puluh satu triliun tiga ratus miliar'],
  ];

  it.each(cases)('%s → %s', (n, words) => {
    expect(numberInWordsId(n)).toBe(words);
    expect(terbilang(n)).toBe(`${words} rupiah`);
  });

  it('writes the example of the issue', () => {
    expect(terbilang(45_000_000n)).toBe('empat puluh lima juta rupiah');
    expect(terbilang(0n)).toBe('nol rupiah');
  });

  it('reads whole-Rupiah strings as parseRupiah does', () => {
    expect(terbilang('45000000')).toBe('empat puluh lima juta rupiah');
    expect(terbilang('45.000.000')).toBe('empat puluh lima juta rupiah');
    expect(terbilang('9007199254740993')).toBe(
      'sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta ' +
        'tujuh ratus empat puluh ribu sembilan ratus sembilan puluh tiga rupiah',
    );
    expect(() => terbilang('1500000,50')).toThrow(RupiahError);
  });

  it('never writes "sejuta", "semiliar" or "setriliun", and "se" only before ratus, ribu, puluh, belas', () => {
    for (let e = 0n; e <= 17n; e++) {
      const words = numberInWordsId(10n ** e + 10n ** (e / 2n));
      for (const w of words.split(' ')) {
        if (w.startsWith('se') && w !== 'sembilan') expect(['sepuluh', 'sebelas', 'seratus', 'seribu']).toContain(w);
      }
    }
  });

  it('handles the maximum, and refuses above it and below 0 with a clear error', () => {
    expect(numberInWordsId(TERBILANG_MAX)).toMatch(/^sembilan ratus sembilan puluh sembilan kuadriliun .* sembilan puluh sembilan$/);
    const err = (() => {
      try {
        terbilang(TERBILANG_MAX + 1n);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TerbilangError);
    expect((err as TerbilangError).code).toBe(TerbilangErrorCode.TooLarge);
    expect((err as TerbilangError).message).toContain('999 kuadriliun');
    expect(() => terbilang(-1n)).toThrow(TerbilangError);
  });

  it('refuses a JS number: money is never a float', () => {
    expect(() => terbilang(45_000_000 as unknown as bigint)).toThrow(TypeError);
  });

  it('capitalises each word for the decree', () => {
    expect(terbilangTitle(45_000_000n)).toBe('Empat Puluh Lima Juta Rupiah');
    expect(terbilangTitle(1_500_000n)).toBe('Satu Juta Lima Ratus Ribu Rupiah');
  });
});

/** Reads Indonesian number words back (the spec's own inverse, written independently of the code under test). */
function readWordsId(text: string): bigint {
  const units: Record<string, bigint> = {
    nol: 0n,
    satu: 1n,
    dua: 2n,
    tiga: 3n,
    empat: 4n,
    lima: 5n,
    enam: 6n,
    tujuh: 7n,
    delapan: 8n,
    sembilan: 9n,
    sepuluh: 10n,
    sebelas: 11n,
    seratus: 100n,
    seribu: 1000n,
  };
  const scales: Record<string, bigint> = {
    ribu: 10n ** 3n,
    juta: 10n ** 6n,
    miliar: 10n ** 9n,
    triliun: 10n ** 12n,
    kuadriliun: 10n ** 15n,
  };
  let total = 0n;
  let group = 0n; // the part below 1000 being read
  let last = 0n;
  for (const w of text.split(' ')) {
    if (w === 'seribu') total += 1000n;
    else if (w in units) group += last = units[w];
    else if (w === 'belas')
      group += 10n; // "dua belas": 2 → 12
    else if (w === 'puluh')
      group += last * 9n; // "dua puluh": 2 → 20
    else if (w === 'ratus')
      group += last * 99n; // "dua ratus": 2 → 200
    else if (w in scales) {
      total += group * scales[w];
      group = 0n;
    } else throw new Error(`unknown word ${w}`);
  }
  return total + group;
}

describe('terbilang read back', () => {
  it('gives words that read back to the same amount, for 20,000 amounts from 0 to 999 kuadriliun', () => {
    // a fixed-seed generator: the same amounts every run, all digit lengths equally often
    let seed = 20261202n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n);
    // never "satu ratus", "satu ribu" for 1000 (but "lima puluh satu ribu" is 51.000), "sejuta"
    const wrong = /\bsatu (puluh|belas|ratus)\b|(^|(juta|miliar|triliun|kuadriliun) )satu ribu|\bse(juta|miliar|triliun)\b| {2}/;
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const n = next() % 10n ** BigInt(1 + (i % 18));
      const words = numberInWordsId(n);
      if (readWordsId(words) !== n || wrong.test(words)) bad.push(`${n}: ${words}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('terbilang (English)', () => {
  it.each([
    [0n, 'zero'],
    [7n, 'seven'],
    [15n, 'fifteen'],
    [21n, 'twenty-one'],
    [100n, 'one hundred'],
    [1_000n, 'one thousand'],
    [1_500_000n, 'one million five hundred thousand'],
    [45_000_000n, 'forty-five million'],
    [1_000_000_000_000n, 'one trillion'],
    [
      12_345_678_901_234n,
      'twelve trillion three hundred forty-five billion six hundred seventy-eight million ' +
        'nine hundred one thousand two hundred thirty-four',
    ],
  ])('%s → %s', (n, words) => {
    expect(numberInWordsEn(n)).toBe(words);
  });

  it('adds the currency', () => {
    expect(terbilang(45_000_000n, 'en')).toBe('forty-five million rupiah');
    expect(terbilangTitle(45_000_000n, 'en')).toBe('Forty-Five Million Rupiah');
  });
});
