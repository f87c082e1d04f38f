// The working-day calendar of an agency for a year: national holidays (seeded) and collective
// leave (cuti bersama), which an admin adds and removes; deadlines in working days skip them.
import { useMemo, useState } from 'react';
import type { CalendarDayView } from '@contracts';
import { App, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { DATE_FORMATS, isoDateProps } from '../../../shared/forms/dates';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { ADMIN_ONLY, hasRole } from '../../../shared/roles';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import { PageHeader } from '../../../shared/components/PageHeader';
import { intakeApi } from '../api';
import { CALENDAR_FIELDS, DAY_KIND_LABEL, DAY_SOURCE_LABEL } from '../labels';

interface DayForm {
  date: string;
  name: string;
  kind: CalendarDayView['kind'];
}

export default function CalendarPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [year, setYear] = useState(new Date().getFullYear());
  // the years an officer plans for: a few back (deadlines still running), ten ahead (cuti bersama is announced early)
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 15 }, (_, i) => now - 4 + i);
  }, []);
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const isAdmin = hasRole(user?.roles, ADMIN_ONLY);
  const cal = useLoad((signal) => intakeApi.calendar(year, agencyCode, signal), [year, agencyCode]);
  const [form] = Form.useForm<DayForm>();
  const [removing, setRemoving] = useState<string | null>(null);

  const weekday = (date: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const longDate = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  const add = useSubmit((v: DayForm) => intakeApi.addDay({ date: v.date, name: v.name.trim(), kind: v.kind, agencyCode }), {
    form,
    fields: CALENDAR_FIELDS,
    onDone: (_, v) => {
      message.success(t('calendar.added', { date: longDate(v.date) }));
      form.resetFields();
      if (Number(v.date.slice(0, 4)) !== year) setYear(Number(v.date.slice(0, 4)));
      else cal.reload();
    },
  });

  const remove = async (d: CalendarDayView) => {
    setRemoving(d.date);
    try {
      await intakeApi.removeDay(d.date, agencyCode);
      message.success(t('calendar.removed', { date: longDate(d.date) }));
      cal.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setRemoving(null);
    }
  };

  const days = cal.data?.days ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('calendar.title')} onRefresh={cal.reload}>
        {agencies.length > 1 && (
          <Select
            aria-label={t('field.agency')}
            style={{ minWidth: 260 }}
            value={agencyCode}
            onChange={setAgencyCode}
            options={agencies.map(agencyOption)}
          />
        )}
        <Select
          aria-label={t('calendar.year')}
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </PageHeader>
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
          <Form<DayForm> form={form} layout="inline" onFinish={add.run} initialValues={{ kind: 'CUTI_BERSAMA' }} style={{ rowGap: 8 }}>
            <Form.Item
              name="date"
              label={t('calendar.date')}
              rules={[{ required: true, message: t('calendar.dateRequired') }]}
              {...isoDateProps}
            >
              <DatePicker format={DATE_FORMATS} placeholder="HH-BB-TTTT" style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')}>
              <Select
                style={{ width: 200 }}
                options={valuesOf(DAY_KIND_LABEL).map((k) => ({ value: k, label: label(DAY_KIND_LABEL, k) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('calendar.name')}
              rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}
            >
              <Input style={{ width: 280 }} placeholder={t('calendar.namePlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={add.busy}>
              {t('calendar.add')}
            </Button>
          </Form>
          <ErrorAlert error={add.error} fields={CALENDAR_FIELDS} style={{ marginTop: 12 }} />
        </Card>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CalendarDayView>
          rowKey="date"
          size="middle"
          loading={cal.loading}
          dataSource={days}
          pagination={false}
          locale={cal.error ? { emptyText: errorText(cal.error) } : undefined}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', render: (d: string) => <span data-testid={`day-${d}`}>{longDate(d)}</span> },
            { title: t('calendar.weekday'), dataIndex: 'date', key: 'weekday', render: (d: string) => weekday(d) },
            { title: t('calendar.name'), dataIndex: 'name' },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              render: (k: string) => <Tag color={k === 'CUTI_BERSAMA' ? 'gold' : 'red'}>{label(DAY_KIND_LABEL, k)}</Tag>,
            },
            {
              title: t('calendar.source'),
              dataIndex: 'source',
              render: (s: string, d) =>
                s === 'ADMIN' ? (
                  <span>
                    {label(DAY_SOURCE_LABEL, s)}{' '}
                    <Typography.Text type="secondary">
                      ({d.createdBy ?? '—'}, {formatDateTime(d.createdAt, locale)})
                    </Typography.Text>
                  </span>
                ) : (
                  label(DAY_SOURCE_LABEL, s)
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
