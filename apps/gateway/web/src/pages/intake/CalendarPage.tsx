// The working-day calendar of an agency for a year: national holidays (seeded) and collective
// leave (cuti bersama), which an admin adds and removes; deadlines in working days skip them.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText, fieldErrors } from '../../errors';
import { formatDateTime, formatNumber } from '../../format';
import { hasRole } from '../../roles';
import { dayKindLabel } from '../../intake/labels';
import { coveredAgencies, type CalendarDayView, type CalendarYearView } from '../../intake/model';

interface DayForm {
  date: string;
  name: string;
  kind: CalendarDayView['kind'];
}

export default function CalendarPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [year, setYear] = useState(new Date().getFullYear());
  // the years an officer plans for: a few back (deadlines still running), ten ahead (cuti bersama is announced early)
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 15 }, (_, i) => now - 4 + i);
  }, []);
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const isAdmin = hasRole(user?.roles, ['ADMIN']);
  const cal = useLoad((signal) => api.get<CalendarYearView>(`/calendar/${year}/days`, { agencyCode }, signal), [year, agencyCode]);
  const [form] = Form.useForm<DayForm>();
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const weekday = (date: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const longDate = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  const add = async (v: DayForm) => {
    setBusy(true);
    try {
      await api.post(`/calendar/${Number(v.date.slice(0, 4))}/days`, { date: v.date, name: v.name.trim(), kind: v.kind, agencyCode });
      message.success(t('calendar.added', { date: longDate(v.date) }));
      form.resetFields();
      if (Number(v.date.slice(0, 4)) !== year) setYear(Number(v.date.slice(0, 4)));
      else cal.reload();
    } catch (e) {
      form.setFields(fieldErrors(e, ['date', 'name', 'kind'] as const));
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (d: CalendarDayView) => {
    setRemoving(d.date);
    try {
      await api.delete(`/calendar/${year}/days/${d.date}`, { agencyCode });
      message.success(t('calendar.removed', { date: longDate(d.date) }));
      cal.reload();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setRemoving(null);
    }
  };

  const days = cal.data?.days ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Space wrap>
          {agencies.length > 1 && (
            <Select
              aria-label={t('filing.agency')}
              style={{ minWidth: 260 }}
              value={agencyCode}
              onChange={setAgencyCode}
              options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
            />
          )}
          <Select
            aria-label={t('calendar.year')}
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={cal.reload}>
            {t('action.refresh')}
          </Button>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('calendar.workingDays')} value={cal.data ? formatNumber(cal.data.workingDayCount, locale) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('calendar.kind.NATIONAL_HOLIDAY')} value={days.filter((d) => d.kind === 'NATIONAL_HOLIDAY').length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('calendar.kind.CUTI_BERSAMA')} value={days.filter((d) => d.kind === 'CUTI_BERSAMA').length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('calendar.timeZone')} value={cal.data?.timeZone ?? '—'} />
          </Card>
        </Col>
      </Row>
      {isAdmin && (
        <Card title={t('calendar.addTitle')} size="small">
          <Form<DayForm> form={form} layout="inline" onFinish={add} initialValues={{ kind: 'CUTI_BERSAMA' }} style={{ rowGap: 8 }}>
            <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('calendar.dateRequired') }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')}>
              <Select
                style={{ width: 200 }}
                options={(['CUTI_BERSAMA', 'NATIONAL_HOLIDAY'] as const).map((k) => ({ value: k, label: dayKindLabel(k, t) }))}
              />
            </Form.Item>
            <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}>
              <Input style={{ width: 280 }} placeholder={t('calendar.namePlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={busy}>
              {t('calendar.add')}
            </Button>
          </Form>
        </Card>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CalendarDayView>
          rowKey="date"
          size="middle"
          loading={cal.loading}
          dataSource={days}
          pagination={false}
          locale={cal.error ? { emptyText: apiErrorText(cal.error, t) } : undefined}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', render: (d: string) => <span data-testid={`day-${d}`}>{longDate(d)}</span> },
            { title: t('calendar.weekday'), dataIndex: 'date', key: 'weekday', render: (d: string) => weekday(d) },
            { title: t('calendar.name'), dataIndex: 'name' },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              render: (k: string) => <Tag color={k === 'CUTI_BERSAMA' ? 'gold' : 'red'}>{dayKindLabel(k, t)}</Tag>,
            },
            {
              title: t('calendar.source'),
              dataIndex: 'source',
              render: (s: string, d) =>
                s === 'ADMIN' ? (
                  <span>
                    {t('calendar.source.ADMIN')} <Typography.Text type="secondary">({d.createdBy ?? '—'}, {formatDateTime(d.createdAt, locale)})</Typography.Text>
                  </span>
                ) : (
                  t('calendar.source.SEED')
                ),
            },
            ...(isAdmin
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, d: CalendarDayView) => (
                      <Popconfirm
                        title={t('calendar.confirmRemove', { date: longDate(d.date) })}
                        okText={t('common.yes')}
                        cancelText={t('common.no')}
                        onConfirm={() => remove(d)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={removing === d.date}>
                          {t('calendar.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
