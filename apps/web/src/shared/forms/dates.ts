// Dates in forms: antd's DatePicker (the same on every PC, in the user's language) over the
// API's plain `YYYY-MM-DD` strings.
import dayjs, { type Dayjs } from 'dayjs';

/** How a date is shown and typed (Indonesian order); an ISO date typed or pasted is read too. */
export const DATE_FORMATS = ['DD-MM-YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'D-M-YYYY'];

/**
 * A date field of the form holding `YYYY-MM-DD` (as the API takes it), shown by antd's
 * DatePicker in the user's language: the same on every PC, unlike the browser's date input.
 */
export const isoDateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v, 'YYYY-MM-DD') : undefined }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined),
};
