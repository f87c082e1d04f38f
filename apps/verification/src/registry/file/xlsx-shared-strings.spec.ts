import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SharedStringTable } from './xlsx-shared-strings.js';

describe('xlsx shared-string table on disk', () => {
  it('gives back every string by index, long and multi-byte ones too, while its cache stays bounded', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sst-spec-'));
    try {
      const t = new SharedStringTable(dir);
      const text = (i: number) => (i % 1000 === 7 ? `Désiré ${'é'.repeat(3000)} ${i}` : `${3304010101500000 + i} Warga ${i}, Jl. Merdeka`);
      const n = 300_000;
      for (let i = 0; i < n; i++) t.add(text(i));
      t.add('');
      expect(t.size).toBe(n + 1);
      // in the order a sheet asks for them, and at random
      const wrong: number[] = [];
      for (let i = 0; i < n; i += 1) if (t.get(i) !== text(i)) wrong.push(i);
      for (let k = 0; k < 5000; k++) {
        const i = Math.floor(Math.random() * n);
        if (t.get(i) !== text(i)) wrong.push(i);
      }
      expect(wrong).toEqual([]);
      expect(t.get(n)).toBe('');
      expect(t.get(n + 1)).toBeUndefined();
      expect(t.get(-1)).toBeUndefined();
      // the strings (~15 MB) are on disk; memory holds at most the page cache's budget and one page
      const onDisk = statSync(path.join(dir, 'shared-strings.dat')).size;
      expect(onDisk).toBeGreaterThan(12 * 1024 * 1024);
      expect(t.cachedBytes).toBeLessThanOrEqual(8 * 1024 * 1024 + 1024 * 1024);
      t.close();
      expect(readdirSync(dir).sort()).toEqual(['shared-strings.dat', 'shared-strings.idx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
