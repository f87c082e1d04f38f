import { describe, expect, it } from '@jest/globals';
import { fileNamePart } from './decree-files.service.js';

describe('a decree number in a file name', () => {
  it('keeps letters, digits, dots and dashes, and turns every other run into one dash', () => {
    expect(fileNamePart('188.45/412/KEP/423.011/2026')).toBe('188.45-412-KEP-423.011-2026');
    expect(fileNamePart('  SK: 12 / 2026 ')).toBe('SK-12-2026');
    expect(fileNamePart('../../etc/passwd')).toBe('..-..-etc-passwd');
  });

  it('never answers an empty name', () => {
    expect(fileNamePart('///')).toBe('SK');
  });
});
