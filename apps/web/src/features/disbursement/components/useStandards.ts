// The standards a page names (a programme, its target groups, its benefit amount), read from
// intake's catalog through the gateway, once per agency and code while the dashboard is open.
// Intake may be unreachable: the page then shows the codes, and nothing else fails.
import { useEffect, useState } from 'react';
import type { StandardView } from '@contracts';
import type { Lang } from '../../../shared/i18n/texts';
import { loc } from '../../../shared/i18n/localized';
import { disbursementApi } from '../api';

const cache = new Map<string, Promise<StandardView | null>>();

function load(agencyCode: string, code: string): Promise<StandardView | null> {
  const key = `${agencyCode}/${code}`;
  let p = cache.get(key);
  if (!p) {
    p = disbursementApi.standard(agencyCode, code).catch(() => null);
    cache.set(key, p);
    // an unreachable intake is asked again next time
    void p.then((s) => s ?? cache.delete(key));
  }
  return p;
}

export interface Standards {
  get: (agencyCode: string, code: string) => StandardView | null;
  /** the programme's name ("Bantuan Sosial Rehabilitasi Sosial"), else its code */
  name: (agencyCode: string, code: string) => string;
  /** a target group's name, else its code */
  group: (agencyCode: string, code: string, group: string | null | undefined) => string;
}

/** The standards of the (agency, code) pairs given, as they arrive. */
export function useStandards(pairs: ReadonlyArray<readonly [string, string]>, lang: Lang): Standards {
  const [found, setFound] = useState<Record<string, StandardView | null>>({});
  const keys = [...new Set(pairs.map(([a, c]) => `${a}/${c}`))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const key of keys ? keys.split(',') : []) {
      const [a, c] = key.split('/');
      void load(a, c).then((s) => live && setFound((f) => (f[key] === s ? f : { ...f, [key]: s })));
    }
    return () => {
      live = false;
    };
  }, [keys]);
  const get = (a: string, c: string) => found[`${a}/${c}`] ?? null;
  return {
    get,
    name: (a, c) => loc(get(a, c)?.name, lang, c),
    group: (a, c, g) => (g ? loc(get(a, c)?.targetGroups?.find((x) => x.code === g)?.name, lang, g) : '—'),
  };
}

/** One recipient's amount by the standard's benefit setting (the group's own, else the standard's); null while unknown or unset. */
export function benefitFor(standard: StandardView | null, targetGroup: string | null): string | null {
  const b = standard?.benefitAmount;
  if (!b) return null;
  return (targetGroup ? b.byTargetGroup?.find((g) => g.targetGroup === targetGroup)?.amount : undefined) ?? b.amount ?? null;
}
