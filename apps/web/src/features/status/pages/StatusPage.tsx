// The citizens' status page (`/status`, `/status/{ticket}`): no login, no staff navigation, no
// personal data. A ticket number in, the status, its timeline and the deadline out, from
// `GET /api/v1/public/status/{ticketNumber}`; for a recipient waiting for the aid, where and
// when their village's distribution is (`distribution`, both languages from the API).
import { useEffect, useState } from 'react';
import type { PublicStatusView, PublicStepView } from '@contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import { CalendarOutlined, LockOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { formatDateTime, formatDay } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import LanguageSwitch from '../../../shared/components/LanguageSwitch';
import type { TimeLeftView } from '@contracts';
import { statusColor } from '../../intake/labels';
import { statusApi, TICKET } from '../api';
import { NextStepAndContact } from '../components/NextStepAndContact';

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; ticket: string }
  | { state: 'found'; ticket: string; view: PublicStatusView }
  | { state: 'notFound'; ticket: string }
  | { state: 'failed'; ticket: string; error: unknown };

/**
 * The ticket as a citizen types it from the receipt: any case, spaces around the dashes, and a
 * space where the underscore is (SANTUNAN ANAK-33.04-2026-000123): each is read as printed.
 */
export const normalize = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, '_');

export default function StatusPage({ ticket }: { ticket?: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ ticket: string }>();
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    form.setFieldsValue({ ticket: ticket ?? '' });
    if (!ticket) {
      setLookup({ state: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setLookup({ state: 'loading', ticket });
    statusApi
      .lookup(ticket, ctrl.signal)
      .then((view) => setLookup({ state: 'found', ticket, view }))
      .catch((e) => {
        if (ctrl.signal.aborted) return;
        // a malformed deep link (400) is, for a citizen, a ticket that does not exist
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setLookup({ state: 'notFound', ticket });
        else setLookup({ state: 'failed', ticket, error: e });
      });
    return () => ctrl.abort();
  }, [ticket, round, form]);

  const submit = ({ ticket: value }: { ticket: string }) => {
    const next = normalize(value);
    if (next === ticket) setRound((r) => r + 1);
    else navigate(`/status/${encodeURIComponent(next)}`);
  };

  return (
    <div className="sigap-public">
      <header className="sigap-public-header">
        <Link to="/status" className="sigap-public-brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>Sigap</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main className="sigap-public-main">
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 28 }}>
          {t('status.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('status.subtitle')}</Typography.Paragraph>
        <Card>
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="ticket"
              label={t('status.ticket')}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              rules={[
                { required: true, whitespace: true, message: t('status.ticketRequired') },
                {
                  validator: (_, v: string | undefined) =>
                    !v || TICKET.test(normalize(v)) ? Promise.resolve() : Promise.reject(new Error(t('status.ticketInvalid'))),
                },
              ]}
              style={{ marginBottom: 12 }}
            >
              <Input size="large" placeholder={t('status.ticketPlaceholder')} autoComplete="off" spellCheck={false} autoFocus={!ticket} />
            </Form.Item>
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              icon={<SearchOutlined aria-hidden />}
              loading={lookup.state === 'loading'}
            >
              {t('status.check')}
            </Button>
          </Form>
        </Card>

        <div style={{ marginTop: 24 }} aria-live="polite">
          {lookup.state === 'loading' && (
            <Card>
              <Skeleton active />
            </Card>
          )}
          {lookup.state === 'notFound' && (
            <Card>
              <Result
                status="warning"
                title={t('status.notFound.title')}
                subTitle={t('status.notFound.text', { ticket: lookup.ticket })}
                data-testid="status-not-found"
              />
            </Card>
          )}
          {lookup.state === 'failed' && <ErrorAlert error={lookup.error} />}
          {lookup.state === 'found' && <StatusResult view={lookup.view} />}
          {lookup.state === 'found' && <NextStepAndContact view={lookup.view} />}
        </div>

        <Alert type="info" showIcon icon={<SafetyOutlined aria-hidden />} style={{ marginTop: 24 }} title={t('status.free')} />
        <footer className="sigap-public-footer">
          <Typography.Text type="secondary">
            <LockOutlined aria-hidden /> {t('status.privacy')}
          </Typography.Text>
          <Link to="/login">{t('status.staffLogin')}</Link>
        </footer>
      </main>
    </div>
  );
}

/** One figure a citizen reads at a glance: days (working days when the standard counts them), hours on the last day. */
function useRemaining() {
  const { t } = useI18n();
  return (left: TimeLeftView, unit: string | undefined): { text: string; late: boolean } => {
    const late = left.milliseconds < 0;
    const ms = Math.abs(left.milliseconds);
    if (ms < 24 * 3600 * 1000) {
      const n = Math.max(1, Math.ceil(ms / 3600000));
      return { text: t(late ? 'status.lateHours' : 'status.leftHours', { n }), late };
    }
    if (!late && unit === 'WORKING_DAYS') return { text: t('status.leftWorking', { n: Math.max(1, Math.ceil(left.workingDays)) }), late };
    const n = Math.ceil(ms / (24 * 3600 * 1000));
    return { text: t(late ? 'status.late' : 'status.left', { n }), late };
  };
}

function StatusResult({ view }: { view: PublicStatusView }) {
  const { t, lang, locale } = useI18n();
  const remaining = useRemaining();
  const left = view.open && view.timeLeft ? remaining(view.timeLeft, view.deadline?.unit) : null;
  return (
    <Card data-testid="status-result">
      {/* the ticket in full, large, breaking only at its dashes: read off a phone at the counter */}
      <div className="sigap-ticket sigap-public-ticket" data-testid="status-ticket">
        <Typography.Text copyable={{ text: view.ticketNumber }}>{view.ticketNumber.replace(/-/g, '-\u200b')}</Typography.Text>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '8px 0 16px' }}>
        <Tag
          color={statusColor(view.status)}
          style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0, whiteSpace: 'normal' }}
          data-testid="status-current"
        >
          {loc(view.statusName, lang, view.status)}
        </Tag>
        {left ? (
          <Tag
            color={left.late ? 'error' : 'success'}
            style={{ fontSize: 14, padding: '2px 10px' }}
            data-testid="time-left"
            data-overdue={left.late ? 'true' : 'false'}
          >
            {left.text}
          </Tag>
        ) : null}
      </div>
      {view.distribution && (
        // where and when the village's aid is handed over (the schedule made with the lurah), as the agency words it
        <Alert
          type="success"
          showIcon
          icon={<CalendarOutlined aria-hidden />}
          style={{ marginBottom: 16 }}
          data-testid="status-distribution"
          title={loc(view.distribution.label, lang)}
        />
      )}
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered layout="vertical">
        <Descriptions.Item label={t('field.service')}>{loc(view.service.name, lang, view.service.code)}</Descriptions.Item>
        <Descriptions.Item label={t('field.agency')}>{view.agency.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.filedAt')}>{formatDay(view.filedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('status.dueDay')}>
          <span data-testid="status-due">{formatDay(view.dueAt, locale)}</span>
          {view.deadline && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('field.deadline')}: <span>{loc(view.deadline.label, lang)}</span>
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <StatusSteps view={view} />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('status.timeline')}
      </Typography.Title>
      <Timeline
        data-testid="status-timeline"
        items={view.timeline.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: i === view.timeline.length - 1 ? statusDot(e.status) : 'gray',
          title: formatDateTime(e.at, locale),
          content: (
            <div>
              <Typography.Text strong>{loc(e.name, lang, e.status)}</Typography.Text>
              {e.note && <Typography.Paragraph style={{ margin: 0 }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

const STEP_STATUS: Record<PublicStepView['state'], 'finish' | 'process' | 'wait'> = {
  DONE: 'finish',
  CURRENT: 'process',
  UPCOMING: 'wait',
  NOT_REACHED: 'wait',
};

/**
 * The standard's steps: those within its deadline, then (where the deadline ends before the
 * last step, as Pasuruan's ends with the proposal) the steps after it as their own group.
 */
function StatusSteps({ view }: { view: PublicStatusView }) {
  const { t, lang, locale } = useI18n();
  if (!view.steps?.length) return null;
  const within = view.steps.filter((s) => !s.afterDeadline);
  const after = view.steps.filter((s) => s.afterDeadline);
  const group = (steps: PublicStepView[], testId: string) => (
    <Steps
      orientation="vertical"
      size="small"
      data-testid={testId}
      items={steps.map((s) => ({
        key: s.status,
        status: STEP_STATUS[s.state],
        title: (
          <span data-testid={`status-step-${s.status}`} data-state={s.state}>
            {loc(s.name, lang, s.status)}
          </span>
        ),
        content: s.at ? formatDateTime(s.at, locale) : s.state === 'NOT_REACHED' ? t('status.step.notReached') : undefined,
      }))}
    />
  );
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('status.steps')}
      </Typography.Title>
      {group(within, 'status-steps')}
      {after.length > 0 && view.deadlineEndsWith && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ margin: '8px 0 16px' }}
            data-testid="status-deadline-ends"
            title={t('status.deadlineEndsWith', { step: loc(view.deadlineEndsWith.name, lang, view.deadlineEndsWith.status) })}
          />
          <Typography.Title level={5}>{t('status.stepsAfter')}</Typography.Title>
          {group(after, 'status-steps-after')}
        </>
      )}
    </>
  );
}

function statusDot(status: string): string {
  const c = statusColor(status);
  return c === 'red' ? 'red' : c === 'green' ? 'green' : c === 'orange' ? 'orange' : 'blue';
}
