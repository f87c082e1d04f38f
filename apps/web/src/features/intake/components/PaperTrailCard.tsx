import { useState } from 'react';
import type { ApplicationView, StandardView } from '@contracts';
import { Button, Card, Space } from 'antd';
import { FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { hasRole } from '../../../shared/roles';
import { useI18n } from '../../../shared/i18n/I18n';
import { Link } from '../../../shared/router';
import { CompleteFileDialog } from './CompleteFileDialog';

/**
 * The papers of an application (issue 11): its receipt once registered, the list of what is
 * missing while returned, and, for the front office, completing a returned file.
 */
export function PaperTrailCard({
  application: a,
  standard,
  onChanged,
}: {
  application: ApplicationView;
  standard: StandardView | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [completing, setCompleting] = useState(false);
  const returned = a.status === 'RETURNED';
  if (!returned && !a.ticketNumber) return null;
  return (
    <Card title={t('paper.title')} size="small" data-testid="paper-trail">
      <Space wrap>
        <Link to={`/intake/applications/${encodeURIComponent(a.applicationId)}/receipt`}>
          <Button icon={<PrinterOutlined aria-hidden />}>{returned ? t('paper.printMissing') : t('paper.printReceipt')}</Button>
        </Link>
        {returned && hasRole(user?.roles, ['FRONT_OFFICE']) && (
          <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setCompleting(true)}>
            {t('paper.complete')}
          </Button>
        )}
      </Space>
      {completing && (
        <CompleteFileDialog
          application={a}
          standard={standard}
          onClose={() => setCompleting(false)}
          onDone={() => {
            setCompleting(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
