import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import pino from 'pino';
import { maskForLog, maskUrl } from './masking.js';
import { pinoOptions } from './logging.js';

describe('log masking', () => {
  it('masks every NIK and KK in nested objects and messages, and drops secrets', () => {
    const out = maskForLog({
      applicant: { nik: '3304015102880001', kkNumber: '3304010101200001', name: 'Siti' },
      note: 'duplicate of 3304010205190001 and 3304010205190002',
      password: 'hunter2hunter2',
      list: [{ nik: '3304010205190001' }],
    });
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toContain('************0001');
    expect(text).not.toContain('hunter2');
    expect((out as { applicant: { name: string } }).applicant.name).toBe('Siti');
  });

  it('leaves shorter numbers alone (amounts, ticket serials)', () => {
    expect(maskForLog({ amount: '1500000', ticket: 'SANTUNAN_ANAK-33.04-2026-000123' })).toEqual({
      amount: '1500000',
      ticket: 'SANTUNAN_ANAK-33.04-2026-000123',
    });
  });

  it('masks what the JSON logger actually writes, messages included', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = pino(pinoOptions('test', 'info'), sink);
    log.info({ person: { nik: '3304015102880001' } }, 'looked up 3304015102880001');
    log.error({ err: new Error('conflict on 3304015102880001') }, 'failed');
    const written = lines.join('');
    expect(written).not.toMatch(/\d{16}/);
    expect(written).toContain('************0001');
    expect(JSON.parse(lines[0])).toMatchObject({ service: 'test', level: 'info' });
  });

  it('keeps no name, NIK or username of a URL: only paging, codes and flags stay readable', () => {
    expect(maskUrl('/api/v1/registry/persons/3304015102880001')).toBe('/api/v1/registry/persons/************0001');
    expect(maskUrl('/api/v1/applications?q=Siti%20Aminah&status=REGISTERED,RETURNED&limit=20&offset=40')).toBe(
      '/api/v1/applications?q=***&status=REGISTERED,RETURNED&limit=20&offset=40',
    );
    expect(maskUrl('/api/v1/applications?q=3304015102880001')).toBe('/api/v1/applications?q=***');
    expect(maskUrl('/api/v1/verification/tasks?assignee=siti.trc&status=OPEN')).toBe('/api/v1/verification/tasks?assignee=***&status=OPEN');
    // an unknown key is masked too, and a NIK in a kept value still shows its last 4 digits only
    expect(maskUrl('/x?nama=Budi+Santoso&agencyCode=3304015102880001&flag')).toBe('/x?nama=***&agencyCode=************0001&flag');
    expect(maskUrl('/health')).toBe('/health');
  });
});
