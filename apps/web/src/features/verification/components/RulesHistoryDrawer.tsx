import type { EligibilityRulesView } from '@contracts';
import { Drawer, Table } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { verificationApi } from '../api';
import { OwnerTag } from './RulesSource';
import { SettingsList } from './SettingsList';

/** Every version of a service's settings: whose, by whom, when, and what they said. */
export function RulesHistoryDrawer({
  serviceCode,
  title,
  myAgency,
  onClose,
}: {
  serviceCode: string;
  title: string;
  myAgency: string | undefined;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const versions = useLoad((signal) => verificationApi.ruleVersions(serviceCode, signal), [serviceCode]);
  return (
    <Drawer open size="large" title={t('rules.historyTitle', { service: title })} onClose={onClose} destroyOnHidden>
      <div data-testid="rules-history">
        <Table<EligibilityRulesView>
          rowKey={(v) => `${v.agencyCode}/${v.version}`}
          size="small"
          loading={versions.loading}
          dataSource={versions.data ?? []}
          pagination={false}
          locale={versions.error ? { emptyText: errorText(versions.error) } : { emptyText: t('rules.noHistory') }}
          expandable={{ expandedRowRender: (v) => <SettingsList settings={v.settings} /> }}
          columns={[
            { title: t('field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
            { title: t('rules.whose'), dataIndex: 'agencyCode', render: (a: string) => <OwnerTag agencyCode={a} myAgency={myAgency} /> },
            { title: t('rules.by'), dataIndex: 'updatedBy' },
            { title: t('rules.at'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, locale) },
          ]}
        />
      </div>
    </Drawer>
  );
}
