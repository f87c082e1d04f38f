import type { EligibilityRulesView } from '@contracts';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { formatDateTime } from '../../../shared/format';
import { RULES_OWNER_LABEL } from '../labels';
import { rulesOwner } from '../settings';

export function OwnerTag({ agencyCode, myAgency }: { agencyCode: string; myAgency: string | undefined }) {
  const { t } = useI18n();
  const owner = rulesOwner(agencyCode, myAgency);
  return (
    <Tag color={owner === 'OWN' ? 'blue' : owner === 'PROVINCE' ? 'purple' : 'default'} data-testid="rules-owner">
      {t(RULES_OWNER_LABEL[owner], { agency: agencyCode })}
    </Tag>
  );
}

/** Whose settings, which version, who changed them and when. */
export function RulesSource({ rules, myAgency }: { rules: EligibilityRulesView; myAgency: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <Space wrap size={[8, 4]} data-testid="rules-source">
      <OwnerTag agencyCode={rules.agencyCode} myAgency={myAgency} />
      <Typography.Text strong data-testid="rules-version">
        {t('rules.version', { version: rules.version })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('rules.changedBy', { by: rules.updatedBy, at: formatDateTime(rules.updatedAt, locale) })}
      </Typography.Text>
    </Space>
  );
}
