// Labels of the codes intake uses (channels, documents, deadline units, calendar days), in the
// user's language; an unknown code is shown as it is.
import type { MessageKey, Vars } from '../i18n';
import { CHANNELS, DEADLINE_UNITS, DOCUMENT_TYPES } from './model';

type T = (key: MessageKey, vars?: Vars) => string;

export function channelLabel(code: string, t: T): string {
  return (CHANNELS as readonly string[]).includes(code) ? t(`channel.${code}` as MessageKey) : code;
}

export function documentLabel(code: string, t: T): string {
  return (DOCUMENT_TYPES as readonly string[]).includes(code) ? t(`doc.${code}` as MessageKey) : code;
}

export function deadlineUnitLabel(code: string, t: T): string {
  return (DEADLINE_UNITS as readonly string[]).includes(code) ? t(`deadlineUnit.${code}` as MessageKey) : code;
}

export function dayKindLabel(code: string, t: T): string {
  return code === 'NATIONAL_HOLIDAY' || code === 'CUTI_BERSAMA' ? t(`calendar.kind.${code}`) : code;
}
