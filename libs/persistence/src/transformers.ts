import type { ValueTransformer } from 'typeorm';

/** pg returns `bigint` as a string; Rupiah and counters stay exact as bigint in code. */
export const bigintTransformer: ValueTransformer = {
  to: (v: bigint | number | string | null | undefined) => (v === null || v === undefined ? v : v.toString()),
  from: (v: string | null) => (v === null ? null : BigInt(v)),
};

/** A `bigint` column whose values always fit a JS number (row counts, serials). */
export const bigintNumberTransformer: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
