// The eligibility settings (aturan kelayakan) verification assesses each service standard by,
// as they are in force for the caller's agency: whose they are (the agency's own, its
// province's, or the installation's defaults), their version, who changed them and when, and
// every earlier version. An admin edits them: the save is the agency's next version, and only
// the keys the service's settings already have are shown; the others are sent back as they were.
import { useMemo, useState } from 'react';
import type { EligibilityRulesView } from '@contracts';
import { Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { ADMIN_ONLY, hasRole } from '../../../shared/roles';
import { PageHeader } from '../../../shared/components/PageHeader';
import { intakeApi } from '../../intake/api';
import { verificationApi } from '../api';
import { RulesSource } from '../components/RulesSource';
import { SettingsList } from '../components/SettingsList';
import { RulesHistoryDrawer } from '../components/RulesHistoryDrawer';
import { RulesEditor } from '../components/RulesEditor';

export default function RulesPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const canEdit = hasRole(user?.roles, ADMIN_ONLY);
  const list = useLoad((signal) => verificationApi.rules(signal), []);
  // the standards' names, to title the cards (the catalog is public; without it the code will do)
  const standards = useLoad((signal) => intakeApi.standards({}, signal), []);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of standards.data ?? []) if (!names.has(s.code) || s.agencyCode === user?.agencyCode) names.set(s.code, loc(s.name, lang));
    return (code: string) => names.get(code);
  }, [standards.data, lang, user?.agencyCode]);
  const [history, setHistory] = useState<string | null>(null);
  const [editing, setEditing] = useState<EligibilityRulesView | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')} onRefresh={list.reload} />
      <ErrorAlert error={list.error} />
      {!list.data && !list.error && <Skeleton active />}
      {list.data && list.data.length === 0 && <Empty description={t('rules.none')} />}
      {(list.data ?? []).map((r) => (
        <Card
          key={r.serviceCode}
          data-testid={`rules-${r.serviceCode}`}
          // the standards' names are long (a whole sentence): they wrap rather than being cut off
          styles={{ title: { whiteSpace: 'normal' } }}
          title={
            <Space wrap>
              <span>{nameOf(r.serviceCode) ?? r.serviceCode}</span>
              <Typography.Text code>{r.serviceCode}</Typography.Text>
            </Space>
          }
          extra={
            <Space wrap>
              <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setHistory(r.serviceCode)}>
                {t('rules.history')}
              </Button>
              {canEdit && (
                <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)}>
                  {t('rules.edit')}
                </Button>
              )}
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <RulesSource rules={r} myAgency={user?.agencyCode} />
            <SettingsList settings={r.settings} />
          </Space>
        </Card>
      ))}
      {history && (
        <RulesHistoryDrawer
          serviceCode={history}
          title={nameOf(history) ?? history}
          myAgency={user?.agencyCode}
          onClose={() => setHistory(null)}
        />
      )}
      {editing && (
        <RulesEditor
          rules={editing}
          title={nameOf(editing.serviceCode) ?? editing.serviceCode}
          agencyCode={user?.agencyCode ?? ''}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
