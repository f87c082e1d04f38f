// The decree's files for the bank and the bank's answer (Bank Jatim for Kota Pasuruan): the
// collective account-opening list (CSV or XLSX), the import of the bank's answer with the
// recipients' account numbers, and the payment file. Full NIKs are in these files: only the
// head, the treasurer and the admin of the decree's own agency take them; only the treasurer
// imports the answer (the gateway checks both again).
import { useState } from 'react';
import type { BankAnswerImportView, DecreeView } from '@contracts';
import { Alert, Button, Card, Descriptions, Progress, Space, Table, Typography, Upload } from 'antd';
import { BankOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { hasRole } from '../../../shared/roles';
import { ApiError, isAbort } from '../../../shared/api/client';
import { BANK_ANSWER_MAX_BYTES, filesApi, type BankFile } from '../files-api';
import { formatRupiah } from '../money';
import { BANK_ANSWER_IMPORTERS, FULL_NIK } from '../roles';
import { FileError } from './FileError';
import { useFileAction } from './useFileAction';

/** Who may take the decree's bank files, and who imports the answer. */
function useBankRights(decree: DecreeView): { files: boolean; answer: boolean } {
  const { user } = useSession();
  const own = decree.agencyCode === user?.agencyCode;
  return { files: own && hasRole(user?.roles, FULL_NIK), answer: own && hasRole(user?.roles, BANK_ANSWER_IMPORTERS) };
}

/** What a downloaded bank file holds, for the treasurer to check against the decree. */
function Holds({ file }: { file: BankFile | null }) {
  const { t, locale } = useI18n();
  if (!file) return null;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="bank-file-saved"
      title={
        file.total !== null
          ? t('disb.files.savedWithTotal', { name: file.fileName, count: file.count ?? '—', total: formatRupiah(file.total, locale) })
          : t('disb.files.saved', { name: file.fileName, count: file.count ?? '—' })
      }
    />
  );
}

export function AccountOpeningCard({ decree }: { decree: DecreeView }) {
  const { t } = useI18n();
  const rights = useBankRights(decree);
  const files = useFileAction();
  const [saved, setSaved] = useState<BankFile | null>(null);
  const get = (format: 'csv' | 'xlsx') => {
    setSaved(null);
    void files.download(format, () => filesApi.accountOpening(decree.id, format), setSaved);
  };
  return (
    <Card size="small" title={t('disb.slot.accounts.title')} data-testid="bank-account-opening">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('disb.slot.accounts.text')}</Typography.Paragraph>
        {rights.files ? (
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={files.busy === 'csv'}
              disabled={!!files.busy}
              onClick={() => get('csv')}
            >
              {t('disb.slot.accounts.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={files.busy === 'xlsx'}
              disabled={!!files.busy}
              onClick={() => get('xlsx')}
            >
              {t('disb.slot.accounts.xlsx')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('disb.files.onlySigners')}</Typography.Text>
        )}
        <Holds file={saved} />
        <FileError error={files.error} testId="account-opening-error" />
      </Space>
    </Card>
  );
}

export function PaymentFileCard({ decree }: { decree: DecreeView }) {
  const { t } = useI18n();
  const rights = useBankRights(decree);
  const files = useFileAction();
  const [saved, setSaved] = useState<BankFile | null>(null);
  return (
    <Card size="small" title={t('disb.slot.payment.title')} data-testid="bank-payment-file">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('disb.files.payment.text')}</Typography.Paragraph>
        {rights.files ? (
          <Space wrap>
            <Button
              icon={<BankOutlined aria-hidden />}
              loading={files.busy === 'payment'}
              onClick={() => {
                setSaved(null);
                void files.download('payment', () => filesApi.paymentFile(decree.id), setSaved);
              }}
            >
              {t('disb.slot.payment.download')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('disb.files.onlySigners')}</Typography.Text>
        )}
        <Holds file={saved} />
        <FileError error={files.error} testId="payment-file-error" />
      </Space>
    </Card>
  );
}

/** What the bank's answer did, in words: recorded, unchanged, locked, refused, bad rows, unanswered. */
function AnswerResult({ r }: { r: BankAnswerImportView }) {
  const { t } = useI18n();
  const bad = r.errors.length > 0 || r.refused.length > 0 || r.missing.length > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bank-answer-result">
      <Alert
        type={r.errors.length ? 'warning' : 'success'}
        showIcon
        title={t('disb.answer.read', { file: r.fileName, rows: r.rows })}
        description={t(bad ? 'disb.answer.readWithProblems' : 'disb.answer.readClean')}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="bank-answer-counts">
        <Descriptions.Item label={t('disb.answer.recorded')}>{r.recorded}</Descriptions.Item>
        <Descriptions.Item label={t('disb.answer.unchanged')}>{r.unchanged}</Descriptions.Item>
        <Descriptions.Item label={t('disb.answer.locked')}>{r.locked}</Descriptions.Item>
        <Descriptions.Item label={t('disb.answer.refusedCount')}>{r.refused.length}</Descriptions.Item>
        <Descriptions.Item label={t('disb.answer.errorCount')}>{r.errors.length}</Descriptions.Item>
        <Descriptions.Item label={t('disb.answer.missingCount')}>{r.missing.length}</Descriptions.Item>
      </Descriptions>
      {r.recorded > 0 && <Typography.Text>{t('disb.answer.recordedText', { n: r.recorded })}</Typography.Text>}
      {r.unchanged > 0 && <Typography.Text type="secondary">{t('disb.answer.unchangedText', { n: r.unchanged })}</Typography.Text>}
      {r.locked > 0 && <Typography.Text type="warning">{t('disb.answer.lockedText', { n: r.locked })}</Typography.Text>}
      {r.refused.length > 0 && (
        <div data-testid="bank-answer-refused">
          <Typography.Text strong>{t('disb.answer.refusedTitle')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {r.refused.map((x) => (
              <li key={`${x.row}-${x.reference}`}>
                {t('disb.answer.refusedLine', { row: x.row, reference: x.reference, reason: x.reason })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.errors.length > 0 && (
        <Table
          size="small"
          data-testid="bank-answer-errors"
          rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
          dataSource={r.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <Typography.Text strong>{t('disb.answer.errorsTitle')}</Typography.Text>}
          columns={[
            { title: t('disb.answer.row'), dataIndex: 'row', width: 80 },
            { title: t('disb.answer.column'), dataIndex: 'column', width: 160, render: (c: string) => c || '—' },
            { title: t('disb.answer.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
      {r.missing.length > 0 && (
        <div data-testid="bank-answer-missing">
          <Typography.Text strong>{t('disb.answer.missingTitle', { n: r.missing.length })}</Typography.Text>
          <div>
            <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{r.missing.join(', ')}</Typography.Text>
          </div>
        </div>
      )}
    </Space>
  );
}

export function BankAnswerCard({ decree, onImported }: { decree: DecreeView; onImported: () => void }) {
  const { t } = useI18n();
  const rights = useBankRights(decree);
  const files = useFileAction();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<BankAnswerImportView | null>(null);

  const send = async () => {
    if (!file) return;
    files.setError(null);
    setResult(null);
    setProgress(0);
    try {
      const r = await filesApi.importBankAnswer(decree.id, file, setProgress).done;
      setResult(r);
      setFile(null);
      onImported();
    } catch (e) {
      if (!isAbort(e)) files.setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card size="small" title={t('disb.slot.answer.title')} data-testid="bank-answer">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('disb.slot.answer.text')}</Typography.Paragraph>
        {rights.answer ? (
          <Space wrap align="start">
            {/* antd's Upload holds the file (nothing is sent on pick): the same picker on every PC, in the user's language */}
            <Upload
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'answer', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                files.setError(null);
                if (f.size > BANK_ANSWER_MAX_BYTES) {
                  // the gateway would refuse it the same way (413), after the whole upload
                  files.setError(new ApiError(413, { code: 'BANK_ANSWER_TOO_LARGE' }));
                  setFile(null);
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined aria-hidden />}>{t('disb.answer.pick')}</Button>
            </Upload>
            <Button type="primary" disabled={!file} loading={progress !== null} onClick={() => void send()}>
              {t('disb.answer.import')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('disb.files.onlyTreasurer')}</Typography.Text>
        )}
        {progress !== null && <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('disb.answer.sending')} />}
        <FileError error={files.error} testId="bank-answer-error" />
        {result && <AnswerResult r={result} />}
      </Space>
    </Card>
  );
}
