// Settlements of a 20,000-recipient decree: the finance office (its own NATS user,
// `finance-local`) answers the request with per-recipient settlements of 1,000 recipients each
// (`sigap.ext.finance.disbursement.settled.v1`), published at once; disbursement validates each,
// checks the publisher's agencies, plans it against the request's lines, writes request and
// decree lines, the budget line and one RecipientPaid event per recipient to its outbox, in the
// consumer's transaction. Figure: recipients settled per second, first publish → request
// SETTLED. Beside it, in the same run: a raw multi-row INSERT of the same 20,000 rows
// (1,000 a statement, a commit each, like the settlements).
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Subjects, Rpc } from '#contracts';
import type { SystemFile } from '#testing';
import { fmt } from './stats.js';

const N = Number(process.env.BENCH_DISBURSEMENT_RECIPIENTS ?? 20_000);
const PER_SETTLEMENT = 1_000;
const AGENCY = '35.75';

async function rpc<T>(nc: NatsConnection, subject: string, data: Record<string, unknown>): Promise<T> {
  const m = await nc.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout: 120_000 });
  const reply = m.json<{ response?: { ok: boolean; data?: T; error?: unknown } }>();
  if (!reply.response?.ok) throw new Error(`${subject} failed: ${JSON.stringify(reply.response ?? reply)}`);
  return reply.response.data as T;
}

/** A decree of N recipients as disbursement holds it after approval and decree (seeded in SQL: the bench measures settlements). */
async function seedDecree(db: pg.Client, code: string): Promise<{ decreeId: string; total: bigint }> {
  const line = randomUUID();
  const proposal = randomUUID();
  const decree = randomUUID();
  const total = BigInt(N) * 1_500_000n;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO disbursement.budget_lines (id, agency_code, fiscal_year, source, service_code, name, ceiling, committed, created_by)
     VALUES ($1, $2, 2026, 'APBD_BTT', $3, 'Bench', $4::bigint, $4::bigint, 'bench')`,
    [line, AGENCY, code, total.toString()],
  );
  await db.query(
    `INSERT INTO disbursement.pool (application_id, agency_code, service_code, ticket_number, target_group, nik, name, address, village_code, status, proposal_id, dossier_at)
     SELECT gen_random_uuid(), $1, $2, $2 || '-' || i, 'LANSIA', '3575014' || lpad(i::text, 9, '0'), 'Penerima ' || i, 'Jl. ' || i, '35.75.01.1001', 'DECREED', $3, now()
       FROM generate_series(1, $4::int) AS i`,
    [AGENCY, code, proposal, N],
  );
  await db.query(
    `INSERT INTO disbursement.proposals (id, agency_code, service_code, fiscal_year, budget_line_id, status, total, count, created_by) VALUES ($1, $2, $3, 2026, $4, 'DECREED', $5::bigint, $6, 'bench')`,
    [proposal, AGENCY, code, line, total.toString(), N],
  );
  await db.query(
    `INSERT INTO disbursement.proposal_items (proposal_id, application_id, target_group, amount) SELECT $1, application_id, target_group, 1500000 FROM disbursement.pool WHERE proposal_id = $1`,
    [proposal],
  );
  await db.query(
    `INSERT INTO disbursement.decrees (id, proposal_id, agency_code, service_code, fiscal_year, budget_line_id, decree_number, decree_date, signatory, total, count, issued_by)
     VALUES ($1, $2, $3, $4, 2026, $5, $6, '2026-12-02', 'Wali Kota', $7::bigint, $8, 'bench')`,
    [decree, proposal, AGENCY, code, line, `BENCH/${code}`, total.toString(), N],
  );
  await db.query(
    `INSERT INTO disbursement.decree_lines (id, decree_id, seq, application_id, ticket_number, nik, name, village_code, address, target_group, amount)
     SELECT gen_random_uuid(), $1, row_number() OVER (ORDER BY application_id), application_id, ticket_number, nik, name, village_code, address, target_group, 1500000
       FROM disbursement.pool WHERE proposal_id = $2`,
    [decree, proposal],
  );
  await db.query('COMMIT');
  return { decreeId: decree, total };
}

export async function run({ system }: { system: SystemFile }) {
  const admin = await connect({
    servers: system.natsUrl,
    user: system.natsAdmin.user,
    pass: system.natsAdmin.password,
    inboxPrefix: '_INBOX_bench',
  });
  const fin = system.systems['finance-local'];
  if (!fin) throw new Error('the bench installation declares no finance-local');
  const finance = await connect({ servers: system.natsUrl, user: fin.user, pass: fin.password });
  const db = new pg.Client({ connectionString: system.adminDatabaseUrl });
  await db.connect();
  const code = `BENCH_${randomBytes(3).toString('hex').toUpperCase()}`;
  try {
    const { decreeId, total } = await seedDecree(db, code);
    const actor = { userId: randomUUID(), username: 'bench.bendahara', agencyCode: AGENCY, roles: ['FINANCE'] };
    const t0 = performance.now();
    const req = await rpc<{ requestId: string; parts: number; total: string }>(admin, Rpc.disbursement.requestDisbursement, {
      actor,
      id: decreeId,
    });
    const requestMs = performance.now() - t0;
    if (req.total !== total.toString()) throw new Error(`request total ${req.total} is not the decree's ${total}`);
    const { rows } = await db.query(`SELECT application_id FROM disbursement.request_lines WHERE request_id = $1 ORDER BY application_id`, [
      req.requestId,
    ]);
    const ids = rows.map((r: { application_id: string }) => r.application_id);
    const js = jetstream(finance);
    const bodies = [];
    for (let i = 0; i < ids.length; i += PER_SETTLEMENT) {
      bodies.push({
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        requestId: req.requestId,
        status: 'PAID',
        sp2dNumber: `SP2D-${i / PER_SETTLEMENT + 1}/2026`,
        paidAt: new Date().toISOString(),
        reason: null,
        recipients: ids.slice(i, i + PER_SETTLEMENT).map((applicationId: string) => ({ applicationId, status: 'PAID' })),
      });
    }
    const start = performance.now();
    await Promise.all(
      bodies.map((b) => {
        const h = natsHeaders();
        h.set('Nats-Msg-Id', b.eventId);
        return js.publish(Subjects.extFinanceDisbursementSettled, JSON.stringify(b), { headers: h });
      }),
    );
    const published = performance.now() - start;
    for (;;) {
      const r = await db.query(`SELECT status FROM disbursement.requests WHERE id = $1`, [req.requestId]);
      if (r.rows[0].status === 'SETTLED') break;
      if (performance.now() - start > 600_000) throw new Error('the request was not settled within 10 minutes');
      await new Promise((res) => setTimeout(res, 25));
    }
    const settledMs = performance.now() - start;
    const paid = await db.query(
      `SELECT count(*)::int AS n, sum(amount)::text AS s FROM disbursement.decree_lines WHERE decree_id = $1 AND status = 'PAID'`,
      [decreeId],
    );
    if (paid.rows[0].n !== N || paid.rows[0].s !== total.toString())
      throw new Error(`paid ${paid.rows[0].n} lines, ${paid.rows[0].s}: not the decree`);

    // beside it: the same rows, raw, 1,000 to a multi-row INSERT, a commit each
    await db.query(
      `CREATE TABLE IF NOT EXISTS public.bench_settled (request_id uuid, application_id uuid, status text, sp2d_number text, settled_at timestamptz)`,
    );
    await db.query(`TRUNCATE public.bench_settled`);
    const rawStart = performance.now();
    for (let i = 0; i < ids.length; i += PER_SETTLEMENT) {
      const slice = ids.slice(i, i + PER_SETTLEMENT);
      const values = slice.map((_: string, k: number) => `($1, $${k + 2}, 'PAID', 'SP2D', now())`).join(',');
      await db.query(`INSERT INTO public.bench_settled VALUES ${values}`, [req.requestId, ...slice]);
    }
    const rawMs = performance.now() - rawStart;
    await db.query(`DROP TABLE public.bench_settled`);

    const rate = N / (settledMs / 1000);
    const rawRate = N / (rawMs / 1000);
    console.log(`disbursement: ${fmt(N)}-recipient decree, request in ${req.parts} parts made in ${fmt(requestMs)} ms`);
    console.log(
      `  settlements: ${bodies.length} × ${fmt(PER_SETTLEMENT)} recipients published in ${fmt(published)} ms; request SETTLED ${fmt(settledMs)} ms after the first publish: ${fmt(rate)} recipients/s`,
    );
    console.log(
      `  raw multi-row INSERT of the same ${fmt(N)} rows (1,000 a statement, a commit each): ${fmt(rawMs)} ms, ${fmt(rawRate)} rows/s`,
    );
    console.log(`  ratio ${fmt(rate / rawRate, 2)} (aim ≥ 0.25)`);
  } finally {
    await db.end();
    await finance.close();
    await admin.close();
  }
}
