import { describe, expect, it } from '@jest/globals';
import { attachment } from './disbursement-files.service.js';

describe('the Content-Disposition of a download', () => {
  it('names the file in ASCII, and in UTF-8 for any other letter (RFC 5987)', () => {
    expect(attachment('SK-188.45-2026.pdf')).toBe(`attachment; filename="SK-188.45-2026.pdf"; filename*=UTF-8''SK-188.45-2026.pdf`);
    expect(attachment('Realisasi "Nguyễn".xlsx')).toBe(
      `attachment; filename="Realisasi _Nguy_n_.xlsx"; filename*=UTF-8''Realisasi%20%22Nguy%E1%BB%85n%22.xlsx`,
    );
  });
});
