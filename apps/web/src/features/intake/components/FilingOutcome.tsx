import type { FilingWarning, StandardView } from '@contracts';
import { Button, Card, Result, Space, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import type { ApplicationRegistered } from '../api';
import { statusColor } from '../labels';
import { FilingWarningList } from './FilingWarnings';

type Outcome = { result: ApplicationRegistered; standard: StandardView };

/** What a filing came to: registered with its ticket and due time, or returned with what is missing. */
export function FilingOutcome({
  outcome,
  onAnother,
  warnings = [],
}: {
  outcome: Outcome;
  onAnother: () => void;
  warnings?: FilingWarning[];
}) {
  const { t, lang, locale } = useI18n();
  const { result, standard } = outcome;
  const returned = result.status === 'RETURNED';
  const statusName = standard.lifecycle.statuses.find((s) => s.code === result.status)?.name;
  const requirementName = (code: string) => {
    const r = standard.requirements.find((x) => x.code === code);
    return r ? loc(r.name, lang) : code;
  };
  const actions = [
    <Link key="open" to={`/intake/applications/${encodeURIComponent(result.applicationId)}`}>
      <Button type="primary">{t('filing.openApplication')}</Button>
    </Link>,
    result.ticketNumber ? (
      <Link key="status" to={`/status/${encodeURIComponent(result.ticketNumber)}`}>
        <Button icon={<SearchOutlined aria-hidden />}>{t('filing.publicStatus')}</Button>
      </Link>
    ) : null,
    <Button key="another" icon={<PlusOutlined aria-hidden />} onClick={onAnother}>
      {t('filing.another')}
    </Button>,
  ];
  return (
    <Card data-testid="filing-outcome">
      <Result
        status={returned ? 'warning' : 'success'}
        title={returned ? t('filing.returnedTitle') : t('filing.registeredTitle')}
        subTitle={
          <Space orientation="vertical" size={4}>
            <Tag color={statusColor(result.status)} data-testid="filing-status">
              {loc(statusName, lang, result.status)}
            </Tag>
            {result.ticketNumber && (
              <span>
                {t('filing.ticket')}:{' '}
                <Typography.Text className="sigap-ticket" copyable data-testid="ticket-number">
                  {result.ticketNumber}
                </Typography.Text>
              </span>
            )}
            {result.dueAt && (
              <span data-testid="filing-due">
                {t('filing.dueAt', { time: formatDateTime(result.dueAt, locale), deadline: loc(standard.deadlineLabel, lang) })}
              </span>
            )}
            {returned && <span>{t('filing.returnedText')}</span>}
          </Space>
        }
        extra={actions}
      >
        <FilingWarningList warnings={warnings} standard={standard} after testId="filing-warnings-after" />
        {returned && (
          <div data-testid="missing-requirements">
            <Typography.Title level={5}>{t('filing.missing')}</Typography.Title>
            <ul>
              {result.missingRequirements.map((code) => (
                <li key={code}>
                  {requirementName(code)} <Typography.Text type="secondary">({code})</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Result>
    </Card>
  );
}
