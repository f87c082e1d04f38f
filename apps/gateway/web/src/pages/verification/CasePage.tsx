// One verification case: each eligibility rule with its outcome and evidence (which registry
// snapshot and row, which document or field), the duplicates with the other record named, the
// field tasks per stage with their visits (assign, record a visit), and the case's history.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Radio, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText, fieldErrors } from '../../errors';
import { formatDateTime, prettyJson } from '../../format';
import { Link } from '../../router';
import { hasRole } from '../../roles';
import type { MessageKey } from '../../i18n';
import {
  caseStatusColor, outcomeColor, taskStatusColor, type CaseView, type FieldTaskView, type RuleEvidence, type RuleResultView,
} from '../../verification/model';

const KNOWN_RULES = ['BENEFICIARY_AGE', 'TARGET_GROUP', 'NO_NATIONAL_PROGRAMME', 'NO_DUPLICATE', 'REGISTRY_OR_SKTM', 'DOMICILE_IN_AREA', 'RESIDENCE'];

export function useRuleLabel() {
  const { t } = useI18n();
  return (rule: string) => (KNOWN_RULES.includes(rule) ? t(`rule.${rule}` as MessageKey) : rule);
}

export default function CasePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const c = useLoad((signal) => api.get<CaseView>(`/verification/cases/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const ruleLabel = useRuleLabel();
  const [assessing, setAssessing] = useState(false);

  if (c.error && !c.data) {
    const notFound = c.error instanceof ApiError && c.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('cases.notFound') : apiErrorText(c.error, t)} extra={<Link to="/verification/cases">{t('cases.back')}</Link>} />;
  }
  if (!c.data) return <Skeleton active />;
  const v = c.data;
  const canAssess = hasRole(user?.roles, ['VERIFIER', 'HEAD', 'ADMIN']) && (v.status === 'AWAITING_ASSESSMENT' || v.status === 'IN_FIELD_VERIFICATION');

  const assess = async () => {
    setAssessing(true);
    try {
      await api.post(`/verification/cases/${encodeURIComponent(v.caseId)}/assessment`);
      message.success(t('cases.assessed'));
      c.reload();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setAssessing(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Space align="center" wrap>
          <Link to="/verification/cases" aria-label={t('cases.back')}>
            <Button icon={<ArrowLeftOutlined aria-hidden />} />
          </Link>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('cases.caseTitle', { ticket: v.ticketNumber ?? v.caseId.slice(0, 8) })}
          </Typography.Title>
          <Tag color={caseStatusColor(v.status)} data-testid="case-status">
            {t(`cases.status.${v.status}`)}
          </Tag>
        </Space>
        <Space wrap>
          {canAssess && (
            <Button type="primary" icon={<AuditOutlined aria-hidden />} loading={assessing} onClick={assess}>
              {v.assessedAt ? t('cases.reassess') : t('cases.assess')}
            </Button>
          )}
          <Button icon={<ReloadOutlined aria-hidden />} onClick={c.reload}>
            {t('action.refresh')}
          </Button>
        </Space>
      </div>
      {v.reason && <Alert type={v.outcome === 'REJECTED' ? 'error' : 'info'} showIcon title={t('cases.reason')} description={v.reason} />}
      <Card title={t('cases.subject')} size="small">
        <Descriptions size="small" column={{ xs: 1, lg: 3 }} bordered>
          <Descriptions.Item label={t('queue.service')}>{v.serviceCode}</Descriptions.Item>
          <Descriptions.Item label={t('queue.agency')}>{v.agencyCode}</Descriptions.Item>
          <Descriptions.Item label={t('cases.openedAt')}>{formatDateTime(v.openedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('filing.applicant')}>{v.subject ? `${v.subject.applicant.name} · ${v.subject.applicant.nik}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('filing.beneficiary')}>{v.subject?.beneficiary ? `${v.subject.beneficiary.name} · ${v.subject.beneficiary.nik}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('filing.targetGroup')}>{v.subject?.targetGroup ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.assessedAt')}>{formatDateTime(v.assessedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.decidedAt')}>{formatDateTime(v.decidedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.snapshots')}>{v.registrySnapshotIds.map((s) => s.slice(0, 8)).join(', ') || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('cases.rules')} styles={{ body: { padding: 0 } }} data-testid="case-rules">
        <Table<RuleResultView>
          rowKey="rule"
          size="small"
          pagination={false}
          dataSource={v.rules}
          locale={{ emptyText: t('cases.notAssessed') }}
          columns={[
            { title: t('cases.rule'), dataIndex: 'rule', render: (r: string) => <span title={r}>{ruleLabel(r)}</span> },
            { title: t('cases.outcome'), dataIndex: 'outcome', render: (o: RuleResultView['outcome']) => <Tag color={outcomeColor(o)}>{t(`cases.outcome.${o}`)}</Tag> },
            { title: t('cases.why'), dataIndex: 'message' },
            { title: t('cases.evidence'), dataIndex: 'evidence', render: (e: RuleEvidence[]) => <Evidence items={e} /> },
          ]}
        />
      </Card>
      <Card title={t('cases.duplicates')} data-testid="case-duplicates">
        {v.duplicates.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noDuplicates')} />
        ) : (
          <List
            dataSource={v.duplicates}
            renderItem={(d) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Space>
                    <Tag color="volcano">{t(`duplicate.${d.kind}`)}</Tag>
                    {d.other.ticketNumber && d.other.applicationId && (
                      <Link to={`/intake/applications/${d.other.applicationId}`}>{d.other.ticketNumber}</Link>
                    )}
                    {d.other.programme && <Tag color="blue">{d.other.programme}</Tag>}
                  </Space>
                  <Typography.Text>{d.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('cases.tasks')} data-testid="case-tasks">
        {v.tasks.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noTasks')} />
        ) : (
          <Row gutter={[16, 16]}>
            {[...v.tasks].sort((a, b) => a.order - b.order).map((task) => (
              <Col key={task.taskId} xs={24} lg={12}>
                <TaskCard task={task} onChanged={c.reload} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={t('application.history')} size="small">
        <Timeline
          items={v.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            content: (
              <div>
                <Typography.Text strong>{h.action}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(h.at, locale)} · {h.actor}
                </Typography.Text>
                {h.detail && Object.keys(h.detail).length > 0 && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {prettyJson(h.detail, 0)}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function Evidence({ items }: { items: RuleEvidence[] }) {
  const { t } = useI18n();
  if (!items?.length) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {items.map((e, i) => {
        let text: string;
        if (e.source === 'REGISTRY') text = t('evidence.registry', { snapshot: (e.snapshotId ?? '').slice(0, 8), row: e.row ?? '—' }) + (e.value !== undefined ? ` · ${String(e.value)}` : '');
        else if (e.source === 'DOCUMENT') text = t('evidence.document', { document: e.document ?? '—' });
        else if (e.source === 'APPLICATION') text = t('evidence.application', { field: e.field ?? '—', value: e.value === undefined || e.value === null ? '—' : String(e.value) });
        else if (e.source === 'CASE') text = t('evidence.case', { ticket: e.ticketNumber ?? (e.caseId ?? '').slice(0, 8) });
        else text = t('evidence.settings', { field: e.field ?? '—', value: e.value === undefined ? '—' : prettyJson(e.value, 0) });
        return (
          <Typography.Text key={i} style={{ fontSize: 12 }}>
            {text}
          </Typography.Text>
        );
      })}
    </Space>
  );
}

/** A field task: its stage, status and officer, its visits, and what the officer may do now. */
export function TaskCard({ task, onChanged, showCase }: { task: FieldTaskView; onChanged: () => void; showCase?: boolean }) {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const [dialog, setDialog] = useState<'assign' | 'visit' | null>(null);
  const canAssign = hasRole(user?.roles, ['HEAD', 'ADMIN', 'VERIFIER']) && (task.status === 'OPEN' || task.status === 'WAITING');
  const canVisit = hasRole(user?.roles, ['VERIFIER']) && task.status === 'OPEN';
  return (
    <Card
      size="small"
      data-testid={`task-${task.stage}`}
      title={
        <Space>
          <span>{t(`stage.${task.stage}`)}</span>
          <Tag color={taskStatusColor(task.status)}>{t(`task.status.${task.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {canAssign && (
            <Button size="small" onClick={() => setDialog('assign')}>
              {t('task.assign')}
            </Button>
          )}
          {canVisit && (
            <Button size="small" type="primary" onClick={() => setDialog('visit')}>
              {t('task.recordVisit')}
            </Button>
          )}
        </Space>
      }
    >
      {showCase && (
        <div style={{ marginBottom: 8 }}>
          <Link to={`/verification/cases/${task.caseId}`}>{task.ticketNumber ?? task.caseId.slice(0, 8)}</Link> · {task.serviceCode} · {task.agencyCode}
        </div>
      )}
      <Typography.Text type="secondary">
        {task.assignee ? t('task.assignedTo', { officer: task.assignee, by: task.assignedBy ?? '—', at: formatDateTime(task.assignedAt, locale) }) : t('task.unassigned')}
      </Typography.Text>
      {task.visits.map((vis) => (
        <Card key={vis.visitId} size="small" type="inner" style={{ marginTop: 8 }} data-testid="visit">
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Tag color={vis.recommendation === 'ELIGIBLE' ? 'success' : 'error'}>{t(`visit.${vis.recommendation}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(vis.visitedAt, locale)} · {vis.officer}
                {vis.latitude !== null && vis.longitude !== null ? ` · ${vis.latitude.toFixed(5)}, ${vis.longitude.toFixed(5)}` : ''}
              </Typography.Text>
            </Space>
            <Typography.Text>{vis.findings}</Typography.Text>
            {vis.attachments.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('visit.attachments')}: {vis.attachments.map((a) => a.name ?? a.ref).join(', ')}
              </Typography.Text>
            )}
          </Space>
        </Card>
      ))}
      {dialog === 'assign' && <AssignDialog task={task} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onChanged(); }} />}
      {dialog === 'visit' && <VisitDialog task={task} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onChanged(); }} />}
    </Card>
  );
}

function AssignDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [form] = Form.useForm<{ assignee: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { assignee: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/verification/tasks/${task.taskId}/assign`, { assignee: v.assignee.trim() });
      message.success(t('task.assigned', { officer: v.assignee.trim() }));
      onDone();
    } catch (e) {
      form.setFields(fieldErrors(e, ['assignee'] as const));
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('task.assignTitle', { stage: t(`stage.${task.stage}`) })} okText={t('task.assign')} cancelText={t('action.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden mask={{ closable: false }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ assignee: task.assignee ?? (user?.roles.includes('VERIFIER') ? user.username : '') }}>
        <Form.Item name="assignee" label={t('task.officer')} extra={t('task.officerHelp')} rules={[{ required: true, whitespace: true, message: t('task.officerRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
    </Modal>
  );
}

interface VisitForm {
  findings: string;
  recommendation: 'ELIGIBLE' | 'NOT_ELIGIBLE';
  visitedAt: string;
  latitude?: number;
  longitude?: number;
  attachments?: string;
  publicReason?: string;
}

/** `datetime-local` value of now, in the browser's time zone */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function VisitDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: VisitForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/verification/tasks/${task.taskId}/visits`, {
        findings: v.findings.trim(),
        recommendation: v.recommendation,
        visitedAt: new Date(v.visitedAt).toISOString(),
        ...(typeof v.latitude === 'number' ? { latitude: v.latitude } : {}),
        ...(typeof v.longitude === 'number' ? { longitude: v.longitude } : {}),
        attachments: (v.attachments ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((ref) => ({ ref })),
        ...(v.recommendation === 'NOT_ELIGIBLE' && v.publicReason?.trim() ? { publicReason: v.publicReason.trim() } : {}),
      });
      message.success(t('visit.recorded'));
      onDone();
    } catch (e) {
      form.setFields(fieldErrors(e, ['findings', 'recommendation', 'visitedAt', 'latitude', 'longitude', 'publicReason'] as const));
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };
  return (
    <Modal open width={640} title={t('visit.title', { stage: t(`stage.${task.stage}`) })} okText={t('visit.save')} cancelText={t('action.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden mask={{ closable: false }}>
      <Form<VisitForm> form={form} layout="vertical" onFinish={submit} initialValues={{ visitedAt: localNow() }}>
        <Form.Item name="recommendation" label={t('visit.recommendation')} rules={[{ required: true, message: t('visit.recommendationRequired') }]}>
          <Radio.Group options={[{ value: 'ELIGIBLE', label: t('visit.ELIGIBLE') }, { value: 'NOT_ELIGIBLE', label: t('visit.NOT_ELIGIBLE') }]} />
        </Form.Item>
        <Form.Item name="findings" label={t('visit.findings')} rules={[{ required: true, whitespace: true, message: t('visit.findingsRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.recommendation !== b.recommendation}>
          {() =>
            form.getFieldValue('recommendation') === 'NOT_ELIGIBLE' && (
              <Form.Item name="publicReason" label={t('visit.publicReason')} extra={t('visit.publicReasonHelp')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="visitedAt" label={t('visit.visitedAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="latitude" label={t('visit.latitude')}>
              <InputNumber min={-90} max={90} step={0.00001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="longitude" label={t('visit.longitude')}>
              <InputNumber min={-180} max={180} step={0.00001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="attachments" label={t('visit.attachments')} extra={t('visit.attachmentsHelp')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
    </Modal>
  );
}
