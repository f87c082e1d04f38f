// Why a file could not be made or read, in words: the error's text (shared/errors), and for a
// decree whose data cannot make the document (422 DOCUMENT_INPUT_INVALID) each problem with the
// recipient's row and the field by its name ("Penerima ke-4 · Nomor rekening: belum ada").
import { Alert, Typography } from 'antd';
import { ApiError } from '../../../shared/api/client';
import { describeError, fieldLabel, ruleText } from '../../../shared/errors/describe';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/I18n';

/** The fields a document names (apps/disbursement/src/documents): the last part of `lines[3].accountNumber`. */
const DOCUMENT_FIELDS: Readonly<Record<string, MessageKey>> = {
  accountNumber: 'disb.files.field.accountNumber',
  accountName: 'disb.files.field.accountName',
  amount: 'disb.files.field.amount',
  nik: 'disb.files.field.nik',
  kkNumber: 'disb.files.field.kkNumber',
  name: 'disb.files.field.name',
  birthDate: 'disb.files.field.birthDate',
  sex: 'disb.files.field.sex',
  address: 'disb.files.field.address',
  villageCode: 'disb.files.field.villageCode',
  reference: 'disb.files.field.reference',
  decreeNumber: 'disb.decree.number',
  decreeDate: 'disb.decree.date',
  signatory: 'disb.decree.signatory',
  file: 'disb.files.field.file',
};

/** The documents' own rules (apps/disbursement/src/documents), in Indonesian; the rest through shared/errors. */
const DOCUMENT_RULES: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/^is missing: the recipient has no bank account yet$/, 'disb.files.rule.noAccount'],
  [/^is also the account of lines\[(\d+)\]$/, 'disb.files.rule.sameAccount'],
  [/^must be more than 0$/, 'disb.files.rule.positive'],
  [/^must be YYYY-MM-DD$/, 'disb.files.rule.date'],
  [/^must be 6 to 20 digits$/, 'disb.files.rule.accountDigits'],
  [/^repeats (.+)$/, 'disb.files.rule.repeats'],
  [/^must be a village code/, 'disb.files.rule.village'],
  [/^the (list|payment file) is empty$/, 'disb.files.rule.empty'],
];

interface Problem {
  where: string | null;
  field: string;
  rule: string;
}

function problemOf(path: string, message: string, lang: 'id' | 'en', t: Translate): Problem {
  const m = /^(lines|rows|recipients)\[(\d+)\]\.?(.*)$/.exec(path);
  const where = m ? t('disb.files.row', { n: Number(m[2]) + 1 }) : null;
  const leaf = (m ? m[3] : path) || path;
  const known = DOCUMENT_FIELDS[leaf];
  const field = known ? t(known) : (fieldLabel(leaf, undefined, t) ?? leaf);
  let rule: string | null = null;
  if (lang === 'id') {
    for (const [re, key] of DOCUMENT_RULES) {
      const r = re.exec(message);
      if (r) {
        rule = t(key, { n: r[1] && /^\d+$/.test(r[1]) ? Number(r[1]) + 1 : (r[1] ?? '') });
        break;
      }
    }
    // a file's reason comes from the documents' reader in Bahasa Indonesia already
    if (!rule && leaf === 'file') rule = message;
  }
  return { where, field, rule: rule ?? ruleText(leaf, message, lang, t) };
}

export function FileError({ error, testId }: { error: unknown; testId?: string }) {
  const { lang, t } = useI18n();
  if (error === null || error === undefined) return null;
  const view = describeError(error, lang, t);
  if (!view) return null;
  const problems = error instanceof ApiError ? error.details.map((d) => problemOf(d.path, d.message, lang, t)) : [];
  const shown = problems.slice(0, 20);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      title={
        <>
          {view.title}
          {view.code && <Typography.Text type="secondary"> ({t('error.code', { code: view.code })})</Typography.Text>}
        </>
      }
      description={
        shown.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="file-problems">
            {shown.map((p, i) => (
              <li key={i}>
                {p.where && <strong>{p.where} · </strong>}
                {p.field}: {p.rule}
              </li>
            ))}
            {problems.length > shown.length && <li>{t('disb.files.moreProblems', { n: problems.length - shown.length })}</li>}
          </ul>
        )
      }
    />
  );
}
