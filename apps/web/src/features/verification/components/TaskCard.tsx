import { useState } from 'react';
import type { FieldTaskView } from '@contracts';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { hasRole, VERIFYING } from '../../../shared/roles';
import { RECOMMENDATION_LABEL, STAGE_LABEL, TASK_STATUS_LABEL, taskStatusColor } from '../labels';
import { AssignDialog } from './AssignDialog';
import { VisitDialog } from './VisitDialog';

/** A field task: its stage, status and officer, its visits, and what the officer may do now. */
export function TaskCard({ task, onChanged, showCase }: { task: FieldTaskView; onChanged: () => void; showCase?: boolean }) {
  const { t, label, locale } = useI18n();
  const { user } = useSession();
  const [dialog, setDialog] = useState<'assign' | 'visit' | null>(null);
  const canAssign = hasRole(user?.roles, VERIFYING) && (task.status === 'OPEN' || task.status === 'WAITING');
  const canVisit = hasRole(user?.roles, ['VERIFIER']) && task.status === 'OPEN';
  return (
    <Card
      size="small"
      data-testid={`task-${task.stage}`}
      title={
        <Space>
          <span>{label(STAGE_LABEL, task.stage)}</span>
          <Tag color={taskStatusColor(task.status)}>{label(TASK_STATUS_LABEL, task.status)}</Tag>
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
          <Link to={`/verification/cases/${task.caseId}`}>{task.ticketNumber ?? task.caseId.slice(0, 8)}</Link> · {task.serviceCode} ·{' '}
          {task.agencyCode}
        </div>
      )}
      <Typography.Text type="secondary">
        {task.assignee
          ? t('task.assignedTo', { officer: task.assignee, by: task.assignedBy ?? '—', at: formatDateTime(task.assignedAt, locale) })
          : t('task.unassigned')}
      </Typography.Text>
      {task.visits.map((vis) => (
        <Card key={vis.visitId} size="small" type="inner" style={{ marginTop: 8 }} data-testid="visit">
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Tag color={vis.recommendation === 'ELIGIBLE' ? 'success' : 'error'}>{label(RECOMMENDATION_LABEL, vis.recommendation)}</Tag>
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
      {dialog === 'assign' && (
        <AssignDialog
          task={task}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
      {dialog === 'visit' && (
        <VisitDialog
          task={task}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
