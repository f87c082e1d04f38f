// The audit trail (issue 11): accounts and logins, and what staff do through the gateway —
// filings, status changes, completed files, calendar days, case assessments, field tasks and
// visits, replays of rejected messages, registry lookups, agency contact data. Each entry is a
// sentence; its raw record is folded under "Rincian teknis". Filters: user, action, agency, dates.
import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useSession } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { displayValue, formatDateTime } from '../../../shared/format';
import JsonView from '../../../shared/components/JsonView';
import { PageHeader } from '../../../shared/components/PageHeader';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import { adminApi, type AuditEntry } from '../api';
import { AUDIT_ACTION_LABEL } from '../labels';
import { useAuditSentence } from '../components/AuditSentence';

const PAGE_SIZE = 25;

interface Filters {
  actor?: string;
  action?: string;
  agencyCode?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

export default function AuditPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const sentence = useAuditSentence();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const query = {
    limit: page.size,
    offset: (page.current - 1) * page.size,
    actor: filters.actor?.trim() || undefined,
    action: filters.action || undefined,
    agencyCode: filters.agencyCode || undefined,
    from: filters.dates?.[0]?.format('YYYY-MM-DD'),
    to: filters.dates?.[1]?.format('YYYY-MM-DD'),
  };
  const audit = useLoad((signal) => adminApi.audit(query, signal), [JSON.stringify(query)]);
  const apply = (f: Filters) => {
    setFilters(f);
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('audit.title')} onRefresh={audit.reload} />
      <Card size="small" data-testid="audit-filters">
        <Form<Filters> form={form} layout="vertical" onFinish={apply}>
          <Row gutter={12}>
            <Col xs={24} md={5}>
              <Form.Item name="actor" label={t('audit.filter.actor')}>
                <Input allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="action" label={t('audit.filter.action')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={valuesOf(AUDIT_ACTION_LABEL).map((a) => ({ value: a, label: label(AUDIT_ACTION_LABEL, a) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="agencyCode" label={t('audit.filter.agency')}>
                <Select allowClear options={agencies.map(agencyOption)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="dates" label={t('audit.filter.dates')}>
                <DatePicker.RangePicker format="DD-MM-YYYY" style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('audit.filter.apply')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('audit.filter.clear')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey={(r) => String(r.id ?? JSON.stringify(r))}
          size="middle"
          loading={audit.loading}
          dataSource={audit.data?.items ?? []}
          locale={audit.error ? { emptyText: errorText(audit.error) } : undefined}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
          expandable={{
            columnTitle: t('audit.details'),
            expandedRowRender: (r) => (
              <div data-testid="audit-details">
                <Typography.Text type="secondary">{t('audit.details')}</Typography.Text>
                <JsonView value={r} />
              </div>
            ),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v) => formatDateTime(v, locale), width: 170 },
            {
              title: t('audit.entry'),
              key: 'entry',
              render: (_, r) => (
                <div style={{ maxWidth: 640, whiteSpace: 'normal' }}>
                  <div data-testid="audit-sentence">{sentence(r)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(AUDIT_ACTION_LABEL, displayValue(r.action))}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('audit.agency'), dataIndex: 'agencyCode', render: (v) => displayValue(v), width: 90 },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v) => displayValue(v), width: 130 },
          ]}
        />
      </Card>
    </Space>
  );
}
