// What awaits the logged-in officer, by role: the front office's queue (due today, overdue,
// returned, newly registered), the verifier's cases to assess and own field tasks, the head's
// applications awaiting approval and the late ones. Each list shows its count and the first
// tickets, linked to where the work is done.
import type { ReactNode } from 'react';
import { Card, Col, List, Row, Space, Typography } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n, type MessageKey } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { hasRole } from '../../../shared/roles';
import { Link } from '../../../shared/router';
import TimeLeft from '../../../shared/components/TimeLeft';
import { intakeApi, type QueueQuery } from '../../intake/api';
import { verificationApi } from '../../verification/api';

const SHOWN = 5;

interface Item {
  key: string;
  to: string;
  label: string;
  extra?: ReactNode;
}

function WorkCard({
  title,
  help,
  to,
  load,
}: {
  title: MessageKey;
  help: MessageKey;
  to: string;
  load: (signal: AbortSignal) => Promise<{ items: Item[]; total: number }>;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const list = useLoad(load, [], 60_000);
  const total = list.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <span>{t(title)}</span>
          <Typography.Text type={total ? 'danger' : 'secondary'} strong data-testid="work-count">
            {list.data ? total : '…'}
          </Typography.Text>
        </Space>
      }
      extra={total > 0 ? <Link to={to}>{t('home.work.all', { total })}</Link> : undefined}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t(help)}
      </Typography.Paragraph>
      {list.error && !list.data ? (
        <Typography.Text type="warning">{t('home.work.failed', { reason: errorText(list.error) })}</Typography.Text>
      ) : (
        <List<Item>
          size="small"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('home.work.none') }}
          renderItem={(it) => (
            <List.Item key={it.key} extra={it.extra} style={{ paddingInline: 0 }}>
              <Link to={it.to} style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13, overflowWrap: 'anywhere' }}>
                {it.label}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** the front office's and head's lists: the queue under a filter */
function queueLoader(q: Omit<QueueQuery, 'limit' | 'offset'>) {
  return (signal: AbortSignal) =>
    intakeApi.queue({ ...q, limit: SHOWN, offset: 0 }, signal).then((page) => ({
      total: page.total,
      items: page.items.map((r) => ({
        key: r.applicationId,
        to: `/intake/applications/${encodeURIComponent(r.applicationId)}`,
        label: r.ticketNumber ?? r.applicationId.slice(0, 8),
        extra: <TimeLeft timeLeft={r.timeLeft} open={r.open} overdue={r.overdue} />,
      })),
    }));
}

export function MyWork() {
  const { t } = useI18n();
  const { user } = useSession();
  const roles = user?.roles;
  const cards: ReactNode[] = [];
  if (hasRole(roles, ['FRONT_OFFICE'])) {
    cards.push(
      <WorkCard
        key="due"
        title="home.work.dueToday"
        help="home.work.dueTodayHelp"
        to="/intake/applications"
        load={queueLoader({ dueSoon: true })}
      />,
      <WorkCard
        key="overdue"
        title="home.work.overdue"
        help="home.work.overdueHelp"
        to="/intake/applications"
        load={queueLoader({ overdue: true })}
      />,
      <WorkCard
        key="returned"
        title="home.work.returned"
        help="home.work.returnedHelp"
        to="/intake/applications"
        load={queueLoader({ status: 'RETURNED' })}
      />,
      <WorkCard
        key="registered"
        title="home.work.registered"
        help="home.work.registeredHelp"
        to="/intake/applications"
        load={queueLoader({ status: 'REGISTERED' })}
      />,
    );
  }
  if (hasRole(roles, ['VERIFIER'])) {
    cards.push(
      <WorkCard
        key="assess"
        title="home.work.toAssess"
        help="home.work.toAssessHelp"
        to="/verification/cases"
        load={(signal) =>
          verificationApi.cases({ status: 'AWAITING_ASSESSMENT', limit: SHOWN, offset: 0 }, signal).then((page) => ({
            total: page.total,
            items: page.items.map((c) => ({
              key: c.caseId,
              to: `/verification/cases/${c.caseId}`,
              label: c.ticketNumber ?? c.caseId.slice(0, 8),
            })),
          }))
        }
      />,
      <WorkCard
        key="field"
        title="home.work.inField"
        help="home.work.inFieldHelp"
        to="/verification/cases"
        load={(signal) =>
          verificationApi.cases({ status: 'IN_FIELD_VERIFICATION', limit: SHOWN, offset: 0 }, signal).then((page) => ({
            total: page.total,
            items: page.items.map((c) => ({
              key: c.caseId,
              to: `/verification/cases/${c.caseId}`,
              label: c.ticketNumber ?? c.caseId.slice(0, 8),
            })),
          }))
        }
      />,
      <WorkCard
        key="tasks"
        title="home.work.myTasks"
        help="home.work.myTasksHelp"
        to="/verification/tasks"
        load={(signal) =>
          verificationApi.tasks({ assignee: 'me', status: 'OPEN', limit: SHOWN, offset: 0 }, signal).then((page) => ({
            total: page.total,
            items: page.items.map((task) => ({
              key: task.taskId,
              to: `/verification/cases/${task.caseId}`,
              label: task.ticketNumber ?? task.caseId.slice(0, 8),
            })),
          }))
        }
      />,
    );
  }
  if (hasRole(roles, ['HEAD'])) {
    cards.push(
      <WorkCard
        key="approve"
        title="home.work.toApprove"
        help="home.work.toApproveHelp"
        to="/intake/applications"
        load={queueLoader({ status: 'VERIFIED' })}
      />,
    );
    if (!hasRole(roles, ['FRONT_OFFICE'])) {
      cards.push(
        <WorkCard
          key="late"
          title="home.work.overdue"
          help="home.work.lateHelp"
          to="/intake/applications"
          load={queueLoader({ overdue: true })}
        />,
      );
    }
  }
  if (cards.length === 0) return null;
  return (
    <section data-testid="my-work">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.myWork')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {cards.map((c, i) => (
          <Col key={i} xs={24} md={12} xl={8} xxl={6}>
            {c}
          </Col>
        ))}
      </Row>
    </section>
  );
}
