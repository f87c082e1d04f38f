// One verification case: each eligibility rule with its outcome and evidence (which registry
// snapshot and row, which document or field), the duplicates with the other record named, the
// field tasks per stage with their visits (assign, record a visit), and the case's history.
import { useState } from 'react';
import type { RuleEvidence, RuleResultView } from '@contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { hasRole, VERIFYING } from '../../../shared/roles';
import { verificationApi } from '../api';
import { CASE_STATUS_LABEL, DUPLICATE_LABEL, RULE_LABEL, RULE_OUTCOME_LABEL, caseStatusColor, outcomeColor } from '../labels';
import { Evidence } from '../components/Evidence';
import { TaskCard } from '../components/TaskCard';
import { SettleRuleDialog } from '../components/SettleRuleDialog';
import { ruleMessageInIndonesian } from '../ruleWords';
import { caseHistoryItems, serviceName, targetGroupName, useSnapshotName, useSnapshots, useStandards } from '../components/caseWords';

export default function CasePage({ id }: { id: string }) {
  const { t, label, locale, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user } = useSession();
  const c = useLoad((signal) => verificationApi.case(id, signal), [id]);
  const standards = useStandards(c.data?.agencyCode);
  const snapshots = useSnapshots(c.data?.agencyCode);
  const snapshotName = useSnapshotName();
  const [assessing, setAssessing] = useState(false);
  const [settling, setSettling] = useState<RuleResultView | null>(null);

  if (c.error && !c.data) {
    const notFound = c.error instanceof ApiError && c.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('cases.notFound') : errorText(c.error)}
        extra={<Link to="/verification/cases">{t('cases.back')}</Link>}
      />
    );
  }
  if (!c.data) return <Skeleton active />;
  const v = c.data;
  const open = v.status === 'AWAITING_ASSESSMENT' || v.status === 'IN_FIELD_VERIFICATION';
  const canAssess = hasRole(user?.roles, VERIFYING) && open;
  // settling a rule is a verifier's (or the head's) act on their own agency's case
  const canSettle = hasRole(user?.roles, ['VERIFIER', 'HEAD']) && open && v.agencyCode === user?.agencyCode;

  const assess = async () => {
    setAssessing(true);
    try {
      await verificationApi.assess(v.caseId);
      message.success(t('cases.assessed'));
      c.reload();
    } catch (e) {
      message.error(errorText(e));
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
            {label(CASE_STATUS_LABEL, v.status)}
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
      {v.status === 'CLOSED' ? (
        <Alert type="warning" showIcon title={t('cases.closed')} description={v.reason} data-testid="case-closed" />
      ) : (
        v.reason && <Alert type={v.outcome === 'REJECTED' ? 'error' : 'info'} showIcon title={t('cases.reason')} description={v.reason} />
      )}
      <Card title={t('cases.subject')} size="small">
        <Descriptions size="small" column={{ xs: 1, lg: 3 }} bordered>
          <Descriptions.Item label={t('field.service')}>{serviceName(standards, v.serviceCode, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('field.agency')}>{v.agencyCode}</Descriptions.Item>
          <Descriptions.Item label={t('cases.openedAt')}>{formatDateTime(v.openedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('person.applicant')}>
            {v.subject ? `${v.subject.applicant.name} · ${v.subject.applicant.nik}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.beneficiary')}>
            {v.subject?.beneficiary ? `${v.subject.beneficiary.name} · ${v.subject.beneficiary.nik}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.targetGroup')}>
            {targetGroupName(standards, v.serviceCode, v.subject?.targetGroup, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.assessedAt')}>{formatDateTime(v.assessedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.decidedAt')}>{formatDateTime(v.decidedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.snapshots')}>
            {v.registrySnapshotIds.map((s) => snapshotName(snapshots, s)).join(', ') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('cases.rules')} styles={{ body: { padding: 0 } }} data-testid="case-rules">
        <Table<RuleResultView>
          rowKey="rule"
          size="small"
          pagination={false}
          dataSource={v.rules}
          // on a phone the table scrolls sideways rather than breaking words letter by letter
          scroll={{ x: 720 }}
          locale={{ emptyText: v.assessedAt ? t('cases.notAssessed') : t('cases.waitingText') }}
          columns={[
            { title: t('cases.rule'), dataIndex: 'rule', render: (r: string) => <span title={r}>{label(RULE_LABEL, r)}</span> },
            {
              title: t('cases.outcome'),
              dataIndex: 'outcome',
              render: (o: RuleResultView['outcome']) => <Tag color={outcomeColor(o)}>{label(RULE_OUTCOME_LABEL, o)}</Tag>,
            },
            {
              title: t('cases.why'),
              dataIndex: 'message',
              render: (m: string, r: RuleResultView) => (
                <Space orientation="vertical" size={4}>
                  <span>{lang === 'en' ? m : (ruleMessageInIndonesian(m) ?? t('cases.whyUnknown'))}</span>
                  {r.settlement && (
                    <Typography.Text type="secondary" data-testid={`settlement-${r.rule}`}>
                      {t('cases.settledBy', {
                        outcome: label(RULE_OUTCOME_LABEL, r.settlement.outcome),
                        by: r.settlement.settledBy,
                        at: formatDateTime(r.settlement.settledAt, locale),
                        reason: r.settlement.reason,
                      })}
                    </Typography.Text>
                  )}
                  {canSettle && r.outcome === 'NEEDS_REVIEW' && (
                    <Button size="small" onClick={() => setSettling(r)} data-testid={`settle-${r.rule}`}>
                      {t('cases.settle')}
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              title: t('cases.evidence'),
              dataIndex: 'evidence',
              render: (e: RuleEvidence[]) => <Evidence items={e} snapshots={snapshots} />,
            },
          ]}
        />
      </Card>
      {settling && (
        <SettleRuleDialog
          caseId={v.caseId}
          rule={settling}
          onClose={() => setSettling(null)}
          onDone={() => {
            setSettling(null);
            c.reload();
          }}
        />
      )}
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
                    <Tag color="volcano">{label(DUPLICATE_LABEL, d.kind)}</Tag>
                    {d.other.ticketNumber && d.other.applicationId && (
                      <Link to={`/intake/applications/${d.other.applicationId}`}>{d.other.ticketNumber}</Link>
                    )}
                    {d.other.programme && <Tag color="blue">{d.other.programme}</Tag>}
                  </Space>
                  <Typography.Text>
                    {lang === 'en' ? d.message : (ruleMessageInIndonesian(d.message) ?? label(DUPLICATE_LABEL, d.kind))}
                  </Typography.Text>
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
            {[...v.tasks]
              .sort((a, b) => a.order - b.order)
              .map((task) => (
                <Col key={task.taskId} xs={24} lg={12}>
                  <TaskCard task={task} onChanged={c.reload} />
                </Col>
              ))}
          </Row>
        )}
      </Card>
      <Card title={t('common.history')} size="small">
        <Timeline items={caseHistoryItems(v.history)} />
      </Card>
    </Space>
  );
}
