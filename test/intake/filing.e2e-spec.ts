// Intake's catalog and filings, end to end: a real intake and a real gateway as processes,
// a real Postgres and NATS JetStream. The catalog as versioned data, every bad field of an
// application, returned files, ticket serials under concurrent filings, Idempotency-Key and
// duplicate events, agency scoping, the queue and the public status page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { Subjects } from '#contracts';
import { adminDb, eventually, metricValue, natsAs, publishEvent, readStream } from '#testing';
import { isErrorBody, testIp } from '../gateway/support.js';
import { filing, nik, staff, startIntakeSystem, submittedEvent, type IntakeSystem, type Staff } from './support.js';

let sys: IntakeSystem;
let db: pg.Client;
let ext: NatsConnection;
let natsAdmin: NatsConnection;
let fo3304: Staff;
let fo3575: Staff;
let fo19: Staff;
let foBks: Staff;
let fo61: Staff;
let admin6171: Staff;
let fo6171: Staff;

beforeAll(async () => {
  [sys, db, ext, natsAdmin] = await Promise.all([startIntakeSystem(), adminDb(), natsAs('ext'), natsAs('admin')]);
  [fo3304, fo3575, fo19, foBks, fo61] = await Promise.all([
    staff(sys, '33.04', ['FRONT_OFFICE']),
    staff(sys, '35.75', ['FRONT_OFFICE']),
    staff(sys, '19', ['FRONT_OFFICE']),
    staff(sys, '61.BKS', ['FRONT_OFFICE']),
    staff(sys, '61', ['FRONT_OFFICE', 'HEAD']),
  ]);
}, 180_000); // intake seeds a fresh database and five staff accounts each set their own password: slow on a busy machine

afterAll(async () => {
  if (process.env.SIGAP_TEST_SHOW_OUTPUT) console.log(sys?.intake.output().slice(-20000), sys?.gateway.output().slice(-20000));
  await Promise.all([sys?.intake.stop(), sys?.gateway.stop()]);
  await Promise.all([ext?.close(), natsAdmin?.close(), db?.end()]);
});

describe('the service catalog', () => {
  it('lists the five seeded standards to anyone, each with its requirements, procedure, deadline, fee, product and complaint channels', async () => {
    const r = await sys.anon.get('/api/v1/services');
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(r.body.items.filter((s: any) => s.version >= 1).map((s: any) => [`${s.agencyCode}/${s.code}`, s]));
    for (const k of ['61/LOGISTIK', '33.04/SANTUNAN_ANAK', '19/AUDIENSI', '35.75/BANSOS_REHSOS', '61.BKS/DATA_INFO'])
      expect(byCode[k]).toBeDefined();
    const s = byCode['33.04/SANTUNAN_ANAK'];
    expect(s).toMatchObject({
      agencyName: 'Dinas Sosial PPPA Kabupaten Banjarnegara',
      decreeNumber: '041.7/127/DinsosPPPA/2023',
      active: true,
      deadline: { amount: 3, unit: 'MONTHS' },
      deadlineLabel: { id: '3 bulan', en: '3 months' },
      fee: { amount: '0' },
      beneficiary: { required: true, ageUnder: 18 },
    });
    expect(s.requirements.map((q: any) => q.code)).toEqual(['KTP', 'KK', 'DTKS_OR_SKTM', 'SURAT_PERMOHONAN']);
    expect(s.procedure).toHaveLength(6);
    expect(s.complaintChannels.map((c: any) => c.channel)).toContain('EMAIL');
    expect(s.lifecycle.statuses.map((x: any) => x.code)).toEqual([
      'REGISTERED',
      'IN_VERIFICATION',
      'VERIFIED',
      'PROPOSED',
      'DECREED',
      'DISBURSING',
      'HANDED_OVER',
      'NOT_PAID',
      'RETURNED',
      'REJECTED',
      'WITHDRAWN',
    ]);
    // no benefit amount is invented: the seed names what is given, not how much
    expect(s.benefitAmount).toEqual({
      required: true,
      set: false,
      amount: null,
      byTargetGroup: [],
      unset: ['ANAK_TERLANTAR', 'ANAK_BALITA_TERLANTAR'],
    });
    expect(byCode['19/AUDIENSI'].deadlineRules).toEqual([
      expect.objectContaining({ channels: ['WALK_IN'], deadline: { amount: 30, unit: 'MINUTES' } }),
    ]);
    expect(byCode['35.75/BANSOS_REHSOS'].targetGroups.map((g: any) => g.code)).toEqual([
      'WRSE',
      'LANSIA',
      'FAKIR_MISKIN',
      'ANAK_YATIM',
      'DISABILITAS',
    ]);

    const one = await sys.anon.get('/api/v1/services?agencyCode=61.BKS');
    expect(one.body.items.map((x: any) => x.code)).toEqual(['DATA_INFO']);
    const get = await sys.anon.get('/api/v1/services/35.75/BANSOS_REHSOS');
    expect(get.status).toBe(200);
    expect(get.body.deadline).toEqual({ amount: 5, unit: 'WORKING_DAYS' });
    expect((await sys.anon.get('/api/v1/services/35.75/AUDIENSI')).status).toBe(404);
  });

  it('lets an admin of the agency add a standard and edit it: each edit a new version, filings keep theirs', async () => {
    const base = (await sys.anon.get('/api/v1/services/33.04/SANTUNAN_ANAK')).body;
    const {
      agencyCode: _a,
      agencyName: _n,
      version: _v,
      active: _x,
      deadlineLabel: _l,
      publishedAt: _p,
      benefitAmount: _b,
      ...definition
    } = base;
    const code = `SANTUNAN_${randomUUID()
      .slice(0, 6)
      .toUpperCase()
      .replace(/[^A-Z]/g, 'X')}`;
    [admin6171, fo6171] = await Promise.all([staff(sys, '61.71', ['ADMIN']), staff(sys, '61.71', ['FRONT_OFFICE'])]);
    const admin3304 = await staff(sys, '33.04', ['ADMIN']);

    // only an admin of an agency that covers it
    expect((await fo61.post('/api/v1/services', { ...definition, code, agencyCode: '61.71' })).status).toBe(403);
    const other = await admin3304.post('/api/v1/services', { ...definition, code, agencyCode: '61.71' });
    expect(other.status).toBe(403);
    // the data must hold together: free of charge, a lifecycle whose steps exist
    const paid = await admin6171.post('/api/v1/services', {
      ...definition,
      code,
      agencyCode: '61.71',
      fee: { ...definition.fee, amount: '50000' },
    });
    expect(paid.status).toBe(400);
    expect(paid.body.details.map((d: any) => d.path)).toContain('fee.amount');
    const broken = structuredClone(definition);
    broken.lifecycle.transitions.push({ from: ['HANDED_OVER'], to: 'SOMEWHERE', roles: ['HEAD'] });
    const b = await admin6171.post('/api/v1/services', { ...broken, code, agencyCode: '61.71' });
    expect(b.status).toBe(400);
    expect(b.body.details.map((d: any) => d.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lifecycle\.transitions\[\d+\]\.(from|to)$/)]),
    );

    const created = await admin6171.post('/api/v1/services', {
      ...definition,
      code,
      agencyCode: '61.71',
      changeNote: 'SK Walikota Pontianak',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agencyCode: '61.71', code, version: 1, active: true });
    expect((await admin6171.post('/api/v1/services', { ...definition, code, agencyCode: '61.71' })).status).toBe(409);

    // a filing under version 1
    const body = (over: Record<string, unknown> = {}) =>
      filing('SANTUNAN_ANAK', {
        agencyCode: '61.71',
        serviceCode: code,
        applicant: {
          ...filing('SANTUNAN_ANAK').applicant,
          nik: nik('61.71.01', '1985-07-14', 'F'),
          kkNumber: '6171010101200123',
          villageCode: '61.71.01.1002',
        },
        ...over,
      });
    const v1 = await fo6171.post('/api/v1/applications', body());
    expect(v1.status).toBe(201);
    expect(v1.body.ticketNumber).toMatch(new RegExp(`^${code}-61\\.71-\\d{4}-\\d{6}$`));

    // version 2: a shorter deadline, a requirement less
    const edited = await admin6171.request('PUT', `/api/v1/services/61.71/${code}`, {
      ...definition,
      code,
      deadline: { amount: 14, unit: 'WORKING_DAYS' },
      requirements: definition.requirements.filter((q: any) => q.code !== 'SURAT_PERMOHONAN'),
      changeNote: 'Perwali 2026',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, deadline: { amount: 14, unit: 'WORKING_DAYS' } });
    const v2 = await fo6171.post('/api/v1/applications', body({ documents: [{ type: 'KTP' }, { type: 'KK' }] }));
    expect(v2.status).toBe(201);
    expect(v2.body.status).toBe('REGISTERED');

    const a1 = (await fo6171.get(`/api/v1/applications/${v1.body.applicationId}`)).body;
    const a2 = (await fo6171.get(`/api/v1/applications/${v2.body.applicationId}`)).body;
    expect(a1).toMatchObject({ standardVersion: 1, deadline: { amount: 3, unit: 'MONTHS' } });
    expect(a2).toMatchObject({ standardVersion: 2, deadline: { amount: 14, unit: 'WORKING_DAYS' } });
    // the past version is still readable, and the history says who published what, and why
    expect((await sys.anon.get(`/api/v1/services/61.71/${code}?version=1`)).body.deadline).toEqual({ amount: 3, unit: 'MONTHS' });
    const versions = await admin6171.get(`/api/v1/services/61.71/${code}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: any) => [v.version, v.createdBy, v.changeNote])).toEqual([
      [2, admin6171.username, 'Perwali 2026'],
      [1, admin6171.username, 'SK Walikota Pontianak'],
    ]);
    expect((await fo6171.get(`/api/v1/services/61.71/${code}/versions`)).status).toBe(403);

    // closed for new filings
    const closed = await admin6171.request('PUT', `/api/v1/services/61.71/${code}`, { ...definition, code, active: false });
    expect(closed.body).toMatchObject({ version: 3, active: false });
    const refused = await fo6171.post('/api/v1/applications', body());
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'serviceCode', message: expect.stringContaining('closed') }]);
    expect((await sys.anon.get('/api/v1/services?agencyCode=61.71')).body.items.map((s: any) => s.code)).not.toContain(code);
  });
});

describe('filing an application', () => {
  it('registers a complete file with a ticket, its due time and the standard it was filed under', async () => {
    const r = await fo3575.post('/api/v1/applications', filing('BANSOS_REHSOS'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'REGISTERED',
      missingRequirements: [],
      ticketNumber: expect.stringMatching(/^BANSOS_REHSOS-35\.75-\d{4}-\d{6}$/),
    });
    expect(new Date(r.body.dueAt).getTime()).toBeGreaterThan(Date.now());
    const received = await eventually(async () => {
      const m = (await readStream(natsAdmin, 'SIGAP_INTAKE', Subjects.intakeApplicationReceived)).find(
        (x) => x.data.applicationId === r.body.applicationId,
      );
      expect(m).toBeDefined();
      return m!.data;
    });
    expect(received).toMatchObject({
      status: 'REGISTERED',
      ticketNumber: r.body.ticketNumber,
      dueAt: r.body.dueAt,
      standardVersion: 1,
      requiresVerification: true,
    });
  });

  it('returns an incomplete file with the list of what is missing, without a ticket', async () => {
    const r = await fo19.post('/api/v1/applications', filing('AUDIENSI', { documents: [{ type: 'KTP' }] }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'RETURNED',
      ticketNumber: null,
      dueAt: null,
      missingRequirements: ['BUKU_TAMU', 'FORMULIR_PERMOHONAN'],
    });
  });

  // each bad field → 400 naming it; nothing is stored
  const child = filing('SANTUNAN_ANAK');
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['serviceCode not of the agency', { serviceCode: 'AUDIENSI' }, 'serviceCode'],
    ['channel', { channel: 'CARRIER_PIGEON' }, 'channel'],
    ['applicant.nik not 16 digits', { applicant: { ...child.applicant, nik: '33040154078' } }, 'applicant.nik'],
    ['applicant.nik area not a district', { applicant: { ...child.applicant, nik: nik('33.04.99', '1985-07-14', 'F') } }, 'applicant.nik'],
    [
      "applicant.nik birth date not the form's",
      { applicant: { ...child.applicant, nik: nik('33.04.01', '1985-07-15', 'F') } },
      'applicant.nik',
    ],
    ["applicant.nik sex not the form's", { applicant: { ...child.applicant, nik: nik('33.04.01', '1985-07-14', 'M') } }, 'applicant.nik'],
    ['applicant.kkNumber', { applicant: { ...child.applicant, kkNumber: '3304990101200001' } }, 'applicant.kkNumber'],
    ['applicant.name', { applicant: { ...child.applicant, name: '' } }, 'applicant.name'],
    ['applicant.birthDate not a date', { applicant: { ...child.applicant, birthDate: '1985-02-30' } }, 'applicant.birthDate'],
    [
      'applicant.birthDate in the future',
      { applicant: { ...child.applicant, birthDate: '2099-07-14', nik: nik('33.04.01', '2099-07-14', 'F') } },
      'applicant.birthDate',
    ],
    [
      'applicant too young for a KTP',
      { applicant: { ...child.applicant, birthDate: '2015-07-14', nik: nik('33.04.01', '2015-07-14', 'F') } },
      'applicant.birthDate',
    ],
    ['applicant.sex', { applicant: { ...child.applicant, sex: 'X' } }, 'applicant.sex'],
    ['applicant.address', { applicant: { ...child.applicant, address: '' } }, 'applicant.address'],
    ['applicant.villageCode not a village', { applicant: { ...child.applicant, villageCode: '33.04.01.2999' } }, 'applicant.villageCode'],
    [
      'applicant.villageCode outside the agency',
      { applicant: { ...child.applicant, villageCode: '35.75.01.1001' } },
      'applicant.villageCode',
    ],
    ['applicant.phone', { applicant: { ...child.applicant, phone: 'call me' } }, 'applicant.phone'],
    ['beneficiary missing', { beneficiary: undefined }, 'beneficiary'],
    [
      'beneficiary not a child',
      { beneficiary: { ...child.beneficiary, birthDate: '2001-05-02', nik: nik('33.04.01', '2001-05-02', 'M') } },
      'beneficiary.birthDate',
    ],
    ['beneficiary.nik', { beneficiary: { ...child.beneficiary, nik: '3304010205190000' } }, 'beneficiary.nik'],
    ['targetGroup not of the service', { targetGroup: 'LANSIA' }, 'targetGroup'],
    ['documents[0].type', { documents: [{ type: 'PASSPORT' }] }, 'documents[0].type'],
    ['an unknown field', { surprise: 1 }, 'surprise'],
  ];
  it.each(cases)('refuses %s with 400 naming the field', async (_what, over, path) => {
    const body = { ...child, ...over };
    for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
    const before = await db.query(`SELECT count(*)::int AS n FROM intake.applications`);
    const r = await fo3304.post('/api/v1/applications', body);
    expect(r.status).toBe(400);
    expect(isErrorBody(r.body, 400)).toBe(true);
    expect(r.body.details.map((d: any) => d.path)).toContain(path);
    expect((await db.query(`SELECT count(*)::int AS n FROM intake.applications`)).rows[0].n).toBe(before.rows[0].n);
  });

  it('checks the target group of BANSOS_REHSOS and that the client fits it', async () => {
    const missing = await fo3575.post('/api/v1/applications', filing('BANSOS_REHSOS', { targetGroup: undefined }));
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      { path: 'targetGroup', message: expect.stringContaining('WRSE, LANSIA, FAKIR_MISKIN, ANAK_YATIM, DISABILITAS') },
    ]);
    const young = await fo3575.post('/api/v1/applications', filing('BANSOS_REHSOS', { targetGroup: 'LANSIA' }));
    expect(young.status).toBe(400);
    expect(young.body.details).toEqual([{ path: 'applicant.birthDate', message: 'the target group is for clients at least 60 years old' }]);
    const old = filing('BANSOS_REHSOS', { targetGroup: 'LANSIA' });
    old.applicant = { ...old.applicant, birthDate: '1950-03-01', nik: nik('35.75.01', '1950-03-01', 'F') };
    expect((await fo3575.post('/api/v1/applications', old)).status).toBe(201);
  });

  it('rejects a bad submitted event on sigap.rejected with the same field errors', async () => {
    const event = submittedEvent('SANTUNAN_ANAK', { targetGroup: 'LANSIA' });
    event.applicant.villageCode = '35.75.01.1001';
    // over HTTP an agency outside the caller's is a 403; a department system learns it is no agency at all
    const nowhere = submittedEvent('SANTUNAN_ANAK', { agencyCode: '99.99' });
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    await publishEvent(ext, Subjects.extApplicationSubmitted, nowhere);
    const [r, n] = await eventually(async () => {
      const all = await readStream(natsAdmin, 'SIGAP_REJECTED', Subjects.rejected);
      const found = [event, nowhere].map((e) => all.find((x) => x.data.eventId === e.eventId));
      expect(found.every(Boolean)).toBe(true);
      return found.map((m) => m!.data);
    });
    expect(r.errors.map((e: any) => e.path).sort()).toEqual(['applicant.villageCode', 'targetGroup']);
    expect(n.errors).toEqual([{ path: 'agencyCode', message: 'agencyCode is not an agency of this installation' }]);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM intake.applications WHERE source_event_id = ANY($1)`, [
          [event.eventId, nowhere.eventId],
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('numbers 50 concurrent filings of one agency without gaps or repeats', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, () => fo3304.post('/api/v1/applications', filing('SANTUNAN_ANAK'))));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    const serials = replies.map((r) => Number(r.body.ticketNumber.split('-').pop())).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(50);
    expect(serials[49] - serials[0]).toBe(49);
    // and across everything this agency registered this year: 1..n, each once
    const year = replies[0].body.ticketNumber.split('-')[2];
    const { rows } = await db.query(
      `SELECT (regexp_match(ticket_number, '-(\\d+)$'))[1]::int AS s FROM intake.applications
        WHERE agency_code = '33.04' AND ticket_number LIKE $1 ORDER BY 1`,
      [`%-33.04-${year}-%`],
    );
    expect(rows.map((x) => x.s)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });

  it('files once for the same Idempotency-Key, answering the first answer again', async () => {
    const key = randomUUID();
    const body = filing('DATA_INFO');
    const [a, b] = [
      await foBks.post('/api/v1/applications', body, { 'idempotency-key': key }),
      await foBks.post('/api/v1/applications', body, { 'idempotency-key': key }),
    ];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM intake.applications WHERE applicant->>'nik' = $1 AND agency_code = '61.BKS'`,
      [body.applicant.nik],
    );
    expect(rows[0].n).toBe(1);
  });

  it('registers one application for the same eventId published twice', async () => {
    const duplicates = () =>
      metricValue(sys.intake.url, 'sigap_messages_duplicate_total', { consumer: 'intake_ext_application_submitted' });
    const before = await duplicates();
    const event = submittedEvent('SANTUNAN_ANAK');
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    // another Nats-Msg-Id gets past JetStream's duplicate window: only intake's inbox stands in the way
    await publishEvent(ext, Subjects.extApplicationSubmitted, event, `${event.eventId}-again`);
    await eventually(async () => expect(await duplicates()).toBe(before + 1));
    const apps = await db.query(`SELECT status, channel, created_by FROM intake.applications WHERE source_event_id = $1`, [event.eventId]);
    expect(apps.rows).toEqual([{ status: 'REGISTERED', channel: 'SLRT', created_by: 'system:slrt-test' }]);
  });
});

describe('agency scope', () => {
  let pasuruan: string;
  let pontianak: string;

  beforeAll(async () => {
    pasuruan = (await fo3575.post('/api/v1/applications', filing('BANSOS_REHSOS'))).body.applicationId;
    // Kota Pontianak (61.71) needs a standard: a copy of Kalimantan Barat's
    const logistik = (await sys.anon.get('/api/v1/services/61/LOGISTIK')).body;
    const {
      agencyCode: _a,
      agencyName: _n,
      version: _v,
      active: _x,
      deadlineLabel: _l,
      publishedAt: _p,
      benefitAmount: _b,
      ...definition
    } = logistik;
    // the regency's admin adds it: the province's may not (seeing is not changing)
    const byProvince = await sys.admin.post('/api/v1/services', { ...definition, agencyCode: '61.71' });
    expect(byProvince.status).toBe(403);
    expect(byProvince.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    admin6171 ??= await staff(sys, '61.71', ['ADMIN']);
    const c = await admin6171.post('/api/v1/services', { ...definition, agencyCode: '61.71' });
    expect([201, 409]).toContain(c.status);
    fo6171 ??= await staff(sys, '61.71', ['FRONT_OFFICE']);
    const r = await fo6171.post('/api/v1/applications', filing('LOGISTIK', { agencyCode: '61.71' }));
    expect(r.status).toBe(201);
    pontianak = r.body.applicationId;
  });

  it("keeps one regency's applications from another's staff", async () => {
    expect((await fo3304.get(`/api/v1/applications/${pasuruan}`)).status).toBe(404);
    const list = await fo3304.get('/api/v1/applications?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: any) => i.agencyCode === '33.04')).toBe(true);
    expect(list.body.items.map((i: any) => i.applicationId)).not.toContain(pasuruan);
    expect((await fo3304.get('/api/v1/applications?agencyCode=35.75')).status).toBe(403);
    expect((await fo3304.post('/api/v1/applications', filing('BANSOS_REHSOS'))).status).toBe(403);
    expect((await fo3304.post(`/api/v1/applications/${pasuruan}/transitions`, { to: 'WITHDRAWN', reason: 'x' })).status).toBe(404);
  });

  it("lets a province see its regencies' applications (61 sees 61.71's), not its bureau's", async () => {
    const got = await fo61.get(`/api/v1/applications/${pontianak}`);
    expect(got.status).toBe(200);
    expect(got.body.agencyCode).toBe('61.71');
    const list = await fo61.get('/api/v1/applications?agencyCode=61.71&serviceCode=LOGISTIK');
    expect(list.body.items.map((i: any) => i.applicationId)).toContain(pontianak);
    const all = await fo61.get('/api/v1/applications?limit=200');
    expect(new Set(all.body.items.map((i: any) => i.agencyCode))).not.toContain('61.BKS');
    expect((await fo61.get(`/api/v1/applications/${pasuruan}`)).status).toBe(404);
  });

  it("lets a province read its regency's application but not change it (403 AGENCY_OUT_OF_SCOPE); its bureau sees neither", async () => {
    // fo61 is FRONT_OFFICE and HEAD, the roles the lifecycle asks for; the admin is the province's (and the operator)
    expect((await fo61.get(`/api/v1/applications/${pontianak}`)).body.nextTransitions).toEqual([]);
    for (const [who, to] of [
      [fo61, 'IN_PROCESS'],
      [fo61, 'WITHDRAWN'],
      [sys.admin, 'WITHDRAWN'],
    ] as const) {
      const r = await who.post(`/api/v1/applications/${pontianak}/transitions`, { to, reason: 'Ditarik oleh provinsi' });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    }
    const filed = await fo61.post('/api/v1/applications', filing('LOGISTIK', { agencyCode: '61.71' }));
    expect(filed.status).toBe(403);
    expect(filed.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    const still = await fo6171.get(`/api/v1/applications/${pontianak}`);
    expect(still.body).toMatchObject({ status: 'REGISTERED', history: [expect.objectContaining({ to: 'REGISTERED' })] });
    // 61.BKS, a bureau of the province's secretariat: its own applications only
    expect((await foBks.get(`/api/v1/applications/${pontianak}`)).status).toBe(404);
    expect((await foBks.get('/api/v1/applications?agencyCode=61.71')).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    expect((await foBks.post(`/api/v1/applications/${pontianak}/transitions`, { to: 'WITHDRAWN', reason: 'x' })).status).toBe(404);
  });
});

describe('the queue', () => {
  it('orders open applications by time left, shows it, and filters by status, service, area and text', async () => {
    const fo = fo19;
    const walkIn = await fo.post('/api/v1/applications', filing('AUDIENSI', { channel: 'WALK_IN' }));
    const letter = await fo.post('/api/v1/applications', filing('AUDIENSI'));
    const q = await fo.get('/api/v1/applications?open=true&serviceCode=AUDIENSI&limit=200');
    expect(q.status).toBe(200);
    const ids = q.body.items.map((i: any) => i.applicationId);
    expect(ids.indexOf(walkIn.body.applicationId)).toBeLessThan(ids.indexOf(letter.body.applicationId));
    const dues = q.body.items.map((i: any) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const item = q.body.items.find((i: any) => i.applicationId === walkIn.body.applicationId);
    expect(item).toMatchObject({
      open: true,
      overdue: false,
      status: 'REGISTERED',
      statusName: { id: 'Terdaftar', en: 'Registered' },
      applicantNik: expect.stringMatching(/^\*{12}\d{4}$/),
    });
    expect(item.timeLeft.milliseconds).toBeGreaterThan(25 * 60_000);
    expect(item.timeLeft.milliseconds).toBeLessThanOrEqual(30 * 60_000);

    const nikOf = filing('AUDIENSI').applicant.nik;
    const mine = await fo.post(
      '/api/v1/applications',
      filing('AUDIENSI', { applicant: { ...filing('AUDIENSI').applicant, nik: nikOf, name: 'Hendra Gunawan' } }),
    );
    expect((await fo.get(`/api/v1/applications?q=${nikOf}`)).body.items.map((i: any) => i.applicationId)).toEqual([
      mine.body.applicationId,
    ]);
    expect((await fo.get('/api/v1/applications?q=hendra%20gun')).body.items.map((i: any) => i.applicationId)).toContain(
      mine.body.applicationId,
    );
    expect((await fo.get(`/api/v1/applications?q=${mine.body.ticketNumber}`)).body.total).toBe(1);
    expect((await fo.get('/api/v1/applications?areaCode=19.71.01&limit=200')).body.items.length).toBeGreaterThanOrEqual(3);
    expect((await fo.get('/api/v1/applications?areaCode=19.05')).body.total).toBe(0);
    expect(
      (await fo.get('/api/v1/applications?status=RETURNED,WITHDRAWN&limit=200')).body.items.every((i: any) =>
        ['RETURNED', 'WITHDRAWN'].includes(i.status),
      ),
    ).toBe(true);
    expect((await fo.get('/api/v1/applications?dueSoon=true&limit=200')).body.items.map((i: any) => i.applicationId)).toContain(
      walkIn.body.applicationId,
    );
    expect((await fo.get('/api/v1/applications?overdue=true&limit=200')).body.items.map((i: any) => i.applicationId)).not.toContain(
      walkIn.body.applicationId,
    );
    const bad = await fo.get('/api/v1/applications?limit=0&overdue=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path).sort()).toEqual(['limit', 'overdue']);
  });
});

describe('the public status page', () => {
  it('shows status, timeline and deadline of a ticket, and nothing personal', async () => {
    const body = filing('BANSOS_REHSOS', {
      applicant: { ...filing('BANSOS_REHSOS').applicant, name: 'Siti Khadijah Rahmawati', address: 'Jl. Kenanga Ungu 99' },
    });
    const r = await fo3575.post('/api/v1/applications', body);
    const head = await staff(sys, '35.75', ['HEAD']);
    await head.post(`/api/v1/applications/${r.body.applicationId}/transitions`, {
      to: 'IN_VERIFICATION',
      reason: 'Rapat tim tanggal 3, NIK dicek oleh Pak Joko',
      publicReason: 'Berkas diteruskan ke tim verifikasi',
    });

    const s = await sys.anon.get(`/api/v1/public/status/${r.body.ticketNumber}`);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      ticketNumber: r.body.ticketNumber,
      status: 'IN_VERIFICATION',
      open: true,
      closed: false,
      overdue: false,
      dueAt: r.body.dueAt,
      service: { code: 'BANSOS_REHSOS', name: { id: 'Bansos Bidang Rehabilitasi Sosial' } },
      agency: { code: '35.75', name: 'Dinas Sosial Kota Pasuruan' },
      deadline: { amount: 5, unit: 'WORKING_DAYS', label: { id: '5 hari kerja', en: '5 working days' } },
      timeline: [
        { status: 'REGISTERED', name: { id: 'Terdaftar', en: 'Registered' }, note: null },
        { status: 'IN_VERIFICATION', note: 'Berkas diteruskan ke tim verifikasi' },
      ],
    });
    expect(s.body.timeLeft.workingDays).toBeGreaterThan(0);
    const text = JSON.stringify(s.body);
    for (const secret of [
      body.applicant.name,
      body.applicant.nik,
      body.applicant.kkNumber,
      body.applicant.address,
      body.applicant.phone,
      head.username,
      fo3575.username,
      'Joko',
      body.applicant.villageCode,
    ]) {
      expect(text).not.toContain(secret);
    }
    // nothing but what a citizen may read: the agency's contact, the steps, where the deadline ends and
    // the village's distribution schedule (null until a decree names the applicant) included
    expect(Object.keys(s.body).sort()).toEqual([
      'agency',
      'closed',
      'contact',
      'deadline',
      'deadlineEndsWith',
      'distribution',
      'dueAt',
      'filedAt',
      'open',
      'overdue',
      'service',
      'status',
      'statusName',
      'steps',
      'ticketNumber',
      'timeLeft',
      'timeline',
    ]);

    const unknown = await sys.anon.get('/api/v1/public/status/BANSOS_REHSOS-35.75-2026-999999');
    expect(unknown.status).toBe(404);
    expect((await sys.anon.get('/api/v1/public/status/nonsense')).status).toBe(400);
  });

  it('limits lookups per address lightly (429 with Retry-After)', async () => {
    const ip = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++)
      statuses.push((await sys.anon.get('/api/v1/public/status/DATA_INFO-61.BKS-2026-999999', { 'x-forwarded-for': ip })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    const last = await sys.anon.get('/api/v1/public/status/DATA_INFO-61.BKS-2026-999999', { 'x-forwarded-for': ip });
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // another address is not held back
    expect((await sys.anon.get('/api/v1/public/status/DATA_INFO-61.BKS-2026-999999', { 'x-forwarded-for': testIp() })).status).toBe(404);
  });
});
