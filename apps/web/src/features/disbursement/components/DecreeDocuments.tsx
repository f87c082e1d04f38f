// The decree (SK) and its attachment to print and sign, as PDF or XLSX. Anyone who reads
// decrees gets the copy with masked NIKs; the head who signs, the treasurer and the admin of the
// decree's own agency may take the copy with full NIKs (the gateway refuses it to anyone else).
import { useState } from 'react';
import type { DecreeView, NikDisplay } from '@contracts';
import { Button, Card, Radio, Space, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { hasRole } from '../../../shared/roles';
import { filesApi } from '../files-api';
import { FULL_NIK } from '../roles';
import { FileError } from './FileError';
import { useFileAction } from './useFileAction';

export function DecreeDocuments({ decree }: { decree: DecreeView }) {
  const { t } = useI18n();
  const { user } = useSession();
  const mayFull = decree.agencyCode === user?.agencyCode && hasRole(user?.roles, FULL_NIK);
  const [nik, setNik] = useState<NikDisplay>('masked');
  const files = useFileAction();
  const shown: NikDisplay = mayFull ? nik : 'masked';

  return (
    <Card size="small" title={t('disb.slot.documents.title')} data-testid="decree-documents">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('disb.slot.documents.text')}</Typography.Paragraph>
        {mayFull ? (
          <Radio.Group
            aria-label={t('disb.files.nik')}
            value={nik}
            onChange={(e) => setNik(e.target.value as NikDisplay)}
            options={[
              { value: 'masked', label: t('disb.files.nik.masked') },
              { value: 'full', label: t('disb.files.nik.full') },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('disb.files.nik.maskedOnly')}</Typography.Text>
        )}
        <Space wrap>
          <Button
            type="primary"
            icon={<FileTextOutlined aria-hidden />}
            loading={files.busy === 'pdf'}
            disabled={!!files.busy}
            onClick={() => void files.download('pdf', () => filesApi.decreeDocument(decree.id, 'pdf', shown))}
          >
            {t('disb.slot.documents.pdf')}
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={files.busy === 'xlsx'}
            disabled={!!files.busy}
            onClick={() => void files.download('xlsx', () => filesApi.decreeDocument(decree.id, 'xlsx', shown))}
          >
            {t('disb.slot.documents.xlsx')}
          </Button>
        </Space>
        {files.busy && <Typography.Text type="secondary">{t('disb.files.making')}</Typography.Text>}
        <FileError error={files.error} testId="document-error" />
      </Space>
    </Card>
  );
}
