/**
 * The minimum the first slice needs of each service standard: its requirements and deadline.
 * (The full catalog, kept as versioned data per agency, replaces this with issue 4.)
 */
export interface StandardSummary {
  code: string;
  requirements: string[];
  deadline: { amount: number; unit: 'HOURS' | 'MINUTES' | 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'MONTHS' };
}

export const STANDARDS: Record<string, StandardSummary> = {
  SANTUNAN_ANAK: { code: 'SANTUNAN_ANAK', requirements: ['KTP', 'KK', 'SURAT_PERMOHONAN'], deadline: { amount: 3, unit: 'MONTHS' } },
  BANSOS_REHSOS: { code: 'BANSOS_REHSOS', requirements: ['KTP', 'KK'], deadline: { amount: 5, unit: 'WORKING_DAYS' } },
  AUDIENSI: { code: 'AUDIENSI', requirements: ['BUKU_TAMU', 'KTP', 'FORMULIR_PERMOHONAN'], deadline: { amount: 1, unit: 'CALENDAR_DAYS' } },
  DATA_INFO: { code: 'DATA_INFO', requirements: ['SURAT_TUGAS', 'SURAT_PERMOHONAN', 'KTP'], deadline: { amount: 3, unit: 'CALENDAR_DAYS' } },
};

/** Due time from a start; working days skip weekends (holidays come with the calendar of issue 4). */
export function dueAt(start: Date, d: StandardSummary['deadline']): Date {
  const t = new Date(start);
  switch (d.unit) {
    case 'MINUTES': return new Date(t.getTime() + d.amount * 60_000);
    case 'HOURS': return new Date(t.getTime() + d.amount * 3_600_000);
    case 'CALENDAR_DAYS': t.setUTCDate(t.getUTCDate() + d.amount); return t;
    case 'MONTHS': t.setUTCMonth(t.getUTCMonth() + d.amount); return t;
    case 'WORKING_DAYS': {
      let left = d.amount;
      while (left > 0) {
        t.setUTCDate(t.getUTCDate() + 1);
        const wd = t.getUTCDay();
        if (wd !== 0 && wd !== 6) left--;
      }
      return t;
    }
  }
}
