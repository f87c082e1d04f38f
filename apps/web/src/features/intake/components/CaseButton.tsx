import { useState } from 'react';
import { App, Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18n';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { navigate } from '../../../shared/router';
import { verificationApi } from '../../verification/api';

/** Opens the application's verification case, if verification has one. */
export function CaseButton({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const c = await verificationApi.caseOfApplication(applicationId);
      navigate(`/verification/cases/${encodeURIComponent(c.caseId)}`);
    } catch (e) {
      message.warning(e instanceof ApiError && e.status === 404 ? t('application.noCase') : errorText(e));
      setBusy(false);
    }
  };
  return (
    <Button icon={<AuditOutlined aria-hidden />} loading={busy} onClick={open}>
      {t('application.case')}
    </Button>
  );
}
