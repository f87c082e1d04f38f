// One application: its data, deadline and time left, its history (who, when, from what to
// what, why), and the transitions the officer may make now (intake's `nextTransitions`), each
// with a reason for the record and, optionally, a note for the citizen's status page.
import { useState } from 'react';
import type { NextTransitionView } from '@contracts';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { hasRole, VERIFYING } from '../../../shared/roles';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import TimeLeft, { useTimeLeftText } from '../../../shared/components/TimeLeft';
import { intakeApi } from '../api';
import { CHANNEL_LABEL, DOCUMENT_LABEL, statusColor } from '../labels';
import { TransitionDialog } from '../components/TransitionDialog';
import { SEX_LABEL } from '../../../shared/forms/PersonFields';
import { CaseButton } from '../components/CaseButton';
import { PaperTrailCard } from '../components/PaperTrailCard';

export default function ApplicationPage({ id }: { id: string }) {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const app = useLoad((signal) => intakeApi.application(id, signal), [id]);
  // the standard (for the names of missing requirements and statuses of the history)
  const std = useLoad(
    (signal) =>
      app.data
        ? intakeApi
            .standards({ agencyCode: app.data.agencyCode }, signal)
            .then((items) => items.find((s) => s.code === app.data!.serviceCode) ?? null)
        : Promise.resolve(null),
    [app.data?.agencyCode, app.data?.serviceCode],
  );
  const [transition, setTransition] = useState<NextTransitionView | null>(null);
  const text = useTimeLeftText();

  if (app.error && !app.data) {
    const notFound = app.error instanceof ApiError && app.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('application.notFound') : errorText(app.error)}
        extra={<Link to="/intake/applications">{t('application.backToQueue')}</Link>}
      />
    );
  }
  if (!app.data) return <Skeleton active />;
  const a = app.data;
  // intake writes a filing's return as "missing: KTP, KK": the officer reads the documents by name
  const reasonWords = (reason: string) => {
    const m = /^missing: (.+)$/.exec(reason);
    return m
      ? t('application.missing', {
          documents: m[1]
            .split(', ')
            .map((d) => label(DOCUMENT_LABEL, d))
            .join(', '),
        })
      : reason;
  };
  const statusLabel = (code: string) => loc(std.data?.lifecycle.statuses.find((s) => s.code === code)?.name, lang, code);
  const requirementName = (code: string) => loc(std.data?.requirements.find((r) => r.code === code)?.name, lang, code);
  const person = (p: Record<string, unknown> | null) =>
    p && (
      <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
        <Descriptions.Item label={t('person.name')}>{String(p.name ?? '—')}</Descriptions.Item>
        <Descriptions.Item label={t('person.nik')}>{String(p.nik ?? '—')}</Descriptions.Item>
        {'kkNumber' in p && <Descriptions.Item label={t('person.kk')}>{String(p.kkNumber ?? '—')}</Descriptions.Item>}
        <Descriptions.Item label={t('person.birthDate')}>{String(p.birthDate ?? '—')}</Descriptions.Item>
        <Descriptions.Item label={t('person.sex')}>{typeof p.sex === 'string' ? label(SEX_LABEL, p.sex) : '—'}</Descriptions.Item>
        {'address' in p && <Descriptions.Item label={t('person.address')}>{String(p.address ?? '—')}</Descriptions.Item>}
        {'villageCode' in p && <Descriptions.Item label={t('person.villageCode')}>{String(p.villageCode ?? '—')}</Descriptions.Item>}
        {'phone' in p && p.phone ? <Descriptions.Item label={t('person.phone')}>{String(p.phone)}</Descriptions.Item> : null}
      </Descriptions>
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Space align="center" wrap>
          <Link to="/intake/applications" aria-label={t('application.backToQueue')}>
            <Button icon={<ArrowLeftOutlined aria-hidden />} />
          </Link>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {a.ticketNumber ?? t('application.untitled')}
          </Typography.Title>
          <Tag color={statusColor(a.status)} style={{ fontSize: 14 }} data-testid="application-status">
            {loc(a.statusName, lang, a.status)}
          </Tag>
          {a.overdue && <Tag color="error">{t('time.overdueTag')}</Tag>}
        </Space>
        <Space wrap>
          {hasRole(user?.roles, VERIFYING) && <CaseButton applicationId={a.applicationId} />}
          {a.ticketNumber && (
            <Link to={`/status/${encodeURIComponent(a.ticketNumber)}`}>
              <Button icon={<SearchOutlined aria-hidden />}>{t('filing.publicStatus')}</Button>
            </Link>
          )}
          <Button icon={<ReloadOutlined aria-hidden />} onClick={app.reload}>
            {t('action.refresh')}
          </Button>
        </Space>
      </div>

      <PaperTrailCard application={a} standard={std.data ?? null} onChanged={app.reload} />

      {a.nextTransitions.length > 0 && (
        <Card title={t('application.actions')} size="small" data-testid="transitions">
          <Space wrap>
            {a.nextTransitions.map((n) => (
              <Button key={n.to} danger={['REJECTED', 'RETURNED', 'WITHDRAWN'].includes(n.to)} onClick={() => setTransition(n)}>
                {t('application.moveTo', { status: loc(n.name, lang, n.to) })}
              </Button>
            ))}
          </Space>
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('application.details')}>
            <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
              <Descriptions.Item label={t('field.service')}>
                {loc(a.serviceName, lang, a.serviceCode)}{' '}
                {a.standardVersion ? <Typography.Text type="secondary">v{a.standardVersion}</Typography.Text> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.agency')}>{a.agencyCode}</Descriptions.Item>
              <Descriptions.Item label={t('filing.channel')}>
                {label(CHANNEL_LABEL, a.channel)}
                {a.source ? ` · ${a.source}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.filedAt')}>{formatDateTime(a.filedAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('field.deadline')}>{a.deadline ? loc(a.deadline.label, lang) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('field.dueAt')}>{formatDateTime(a.dueAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('field.timeLeft')} span={2}>
                <Space wrap>
                  <TimeLeft timeLeft={a.timeLeft} open={a.open} overdue={a.overdue} />
                  {a.open && a.timeLeft && <Typography.Text type="secondary">{text(a.timeLeft).workingDays}</Typography.Text>}
                  {a.overdueFlaggedAt && (
                    <Typography.Text type="secondary">
                      {t('application.overdueFlagged', { time: formatDateTime(a.overdueFlaggedAt, locale) })}
                    </Typography.Text>
                  )}
                </Space>
              </Descriptions.Item>
              {a.targetGroup && (
                <Descriptions.Item label={t('field.targetGroup')} span={2}>
                  {loc(std.data?.targetGroups.find((g) => g.code === a.targetGroup)?.name, lang, a.targetGroup)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('application.documents')} span={2}>
                <Space size={[4, 4]} wrap>
                  {a.documents.length ? a.documents.map((d, i) => <Tag key={`${d.type}-${i}`}>{label(DOCUMENT_LABEL, d.type)}</Tag>) : '—'}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            {a.missingRequirements.length > 0 && (
              <Alert
                style={{ marginTop: 16 }}
                type="warning"
                showIcon
                title={t('filing.missing')}
                data-testid="application-missing"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {a.missingRequirements.map((c) => (
                      <li key={c}>{requirementName(c)}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </Card>
          <Card title={t('person.applicant')} size="small" style={{ marginTop: 16 }}>
            {person(a.applicant)}
          </Card>
          {a.beneficiary && (
            <Card title={t('person.beneficiary')} size="small" style={{ marginTop: 16 }}>
              {person(a.beneficiary)}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('common.history')} data-testid="application-history">
            <Timeline
              items={a.history.map((h, i) => ({
                key: `${h.at}-${i}`,
                color:
                  statusColor(h.to) === 'red'
                    ? 'red'
                    : statusColor(h.to) === 'green'
                      ? 'green'
                      : i === a.history.length - 1
                        ? 'blue'
                        : 'gray',
                content: (
                  <div>
                    <Typography.Text strong>{h.from ? `${statusLabel(h.from)} → ${statusLabel(h.to)}` : statusLabel(h.to)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(h.at, locale)} · {h.actor}
                      </Typography.Text>
                    </div>
                    {h.reason && (
                      <div>
                        {t('application.reason')}: {reasonWords(h.reason)}
                      </div>
                    )}
                    {h.publicReason && (
                      <div>
                        <Typography.Text type="secondary">{t('application.publicReason')}:</Typography.Text> {h.publicReason}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {transition && (
        <TransitionDialog
          application={a}
          transition={transition}
          onClose={() => setTransition(null)}
          onDone={() => {
            setTransition(null);
            app.reload();
          }}
        />
      )}
    </Space>
  );
}
