import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { formatDuration, formatNumber, formatTime } from '../../../shared/format';
import { hasRole } from '../../../shared/roles';
import { homeApi, type ServiceStatusView } from '../api';
import { SERVICE_LABEL } from '../labels';
import { MyWork } from '../components/MyWork';

type ConsumerStatus = NonNullable<ServiceStatusView['consumers']>[number];

/** How often the home page asks for the services' status. */
const REFRESH_MS = 5000;

/** A check may come as a boolean, `{ ok }`, or a word such as "up"; anything else is unknown. */
function checkState(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean') return (v as { ok: boolean }).ok;
  if (typeof v === 'string') return ['ok', 'up', 'healthy', 'true'].includes(v.toLowerCase());
  return undefined;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Each officer lands on their own work; the operator (ADMIN) also reads how the services are doing. */
export default function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const operator = hasRole(user?.roles, ['ADMIN']);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {!operator && (
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('home.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('home.myWorkHello', { name: user?.displayName || user?.username || '' })}</Typography.Text>
        </div>
      )}
      {operator && <ServiceBoard />}
      <MyWork />
    </Space>
  );
}

/** The services' health, outbox and consumers, with a sentence saying what the figures mean. */
function ServiceBoard() {
  const { t, label, locale } = useI18n();
  const { user } = useSession();
  const status = useLoad((signal) => homeApi.systemStatus(signal), [], REFRESH_MS);
  const services: ServiceStatusView[] = Array.isArray(status.data?.services) ? status.data.services : [];

  const healthy = services.filter((s) => s.healthy === true).length;
  const backlog = services.reduce((n, s) => n + num(s.outboxBacklog), 0);
  const consumers = services.flatMap((s) => (Array.isArray(s.consumers) ? s.consumers : []));
  const pending = consumers.reduce((n, c) => n + num(c.pending) + num(c.ackPending), 0);
  const redelivered = consumers.reduce((n, c) => n + num(c.redelivered), 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', flexWrap: 'wrap', gap: 8 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('home.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('home.welcome', { name: user?.displayName || user?.username || '' })}</Typography.Text>
        </div>
        <Space>
          <Typography.Text type="secondary" data-testid="status-updated">
            {status.updatedAt
              ? t('home.updatedAt', { time: formatTime(status.updatedAt, locale), seconds: REFRESH_MS / 1000 })
              : t('common.loading')}
          </Typography.Text>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={status.reload} loading={status.loading && !!status.data}>
            {t('action.refresh')}
          </Button>
        </Space>
      </div>

      {status.error !== null && <ErrorAlert error={status.error} title={t('home.statusFailed')} />}

      {services.length > 0 && (
        <Alert
          type={healthy === services.length ? 'success' : 'error'}
          showIcon
          data-testid="board-summary"
          title={
            healthy === services.length
              ? t('home.summary.allHealthy')
              : t('home.summary.someUnhealthy', {
                  count: services.length - healthy,
                  names: services
                    .filter((s) => s.healthy !== true)
                    .map((s) => label(SERVICE_LABEL, s.service))
                    .join(', '),
                })
          }
          description={[
            backlog > 0 ? t('home.summary.outbox', { count: formatNumber(backlog, locale) }) : t('home.summary.outboxEmpty'),
            pending > 0 ? t('home.summary.pending', { count: formatNumber(pending, locale) }) : '',
            redelivered > 0 ? t('home.summary.redelivered', { count: formatNumber(redelivered, locale) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic
              title={t('home.healthyServices')}
              value={healthy}
              suffix={`/ ${services.length}`}
              styles={{ content: { color: services.length && healthy === services.length ? '#389e0d' : '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('home.outboxBacklog')} value={formatNumber(backlog, locale)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('home.outboxHelp')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('home.pendingMessages')} value={formatNumber(pending, locale)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('home.pendingHelp')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card>
            <Statistic title={t('home.redelivered')} value={formatNumber(redelivered, locale)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('home.redeliveredHelp')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.board')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.boardHelp')}</Typography.Text>
      </div>
      {services.length === 0 && !status.loading ? (
        <Card>
          <Empty description={t('home.noServices')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {services.map((s, i) => (
            <Col key={`${s.service}-${s.instance ?? i}`} xs={24} lg={12} xxl={8}>
              <ServiceCard s={s} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}

function CheckTag({ value }: { value: unknown }) {
  const { t } = useI18n();
  const ok = checkState(value);
  if (ok === undefined) return <Tag>{t('common.unknown')}</Tag>;
  return ok ? (
    <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
      {t('home.check.ok')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleFilled aria-hidden />}>
      {t('home.check.failed')}
    </Tag>
  );
}

function ServiceCard({ s }: { s: ServiceStatusView }) {
  const { t, label, locale } = useI18n();
  const consumers = Array.isArray(s.consumers) ? s.consumers : [];
  const checks: Partial<Record<'database' | 'nats', unknown>> = s.checks && typeof s.checks === 'object' ? s.checks : {};
  const units = { d: t('unit.day'), h: t('unit.hour'), m: t('unit.minute'), s: t('unit.second') };

  return (
    <Card
      data-testid={`service-${s.service}`}
      title={
        <Space size="small">
          <span>{label(SERVICE_LABEL, s.service)}</span>
          <Typography.Text code>{s.service}</Typography.Text>
        </Space>
      }
      extra={
        s.healthy ? (
          <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
            {t('home.healthy')}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled aria-hidden />}>
            {t('home.unhealthy')}
          </Tag>
        )
      }
      styles={{ body: { paddingTop: 12 } }}
    >
      {s.error && (
        // the gateway's word for a service that did not answer in time; its other words are for the logs
        <Alert
          type="error"
          showIcon
          title={t(s.error === 'no answer' ? 'home.noAnswer' : 'home.serviceFailed')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'instance', label: t('home.instance'), children: s.instance || '—' },
          { key: 'uptime', label: t('home.uptime'), children: formatDuration(s.uptimeSeconds, units) },
          { key: 'database', label: t('home.check.database'), children: <CheckTag value={checks.database} /> },
          { key: 'nats', label: t('home.check.nats'), children: <CheckTag value={checks.nats} /> },
          { key: 'outbox', label: t('home.outboxBacklog'), children: formatNumber(s.outboxBacklog, locale) },
          { key: 'consumers', label: t('home.consumers'), children: formatNumber(consumers.length, locale) },
        ]}
      />
      {consumers.length > 0 && (
        <Table<ConsumerStatus>
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey={(c) => `${c.stream}/${c.durable}`}
          dataSource={consumers}
          columns={[
            { title: t('home.consumer.durable'), dataIndex: 'durable', render: (v: string, c) => <span title={c.stream}>{v}</span> },
            { title: t('home.consumer.pending'), dataIndex: 'pending', align: 'right', render: (v) => formatNumber(v, locale) },
            { title: t('home.consumer.ackPending'), dataIndex: 'ackPending', align: 'right', render: (v) => formatNumber(v, locale) },
            { title: t('home.consumer.redelivered'), dataIndex: 'redelivered', align: 'right', render: (v) => formatNumber(v, locale) },
          ]}
        />
      )}
    </Card>
  );
}
