import { useState } from 'react';
import type { FieldTaskView } from '@contracts';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, FileOutlined, PhoneOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { hasRole } from '../../../shared/roles';
import { verificationApi } from '../api';
import { RECOMMENDATION_LABEL, STAGE_LABEL, TASK_STATUS_LABEL, taskStatusColor } from '../labels';
import { AssignDialog } from './AssignDialog';
import { VisitDialog } from './VisitDialog';

/** Where to go: the applicant, the address with RT/RW, desa and kecamatan, the phone (to whom may see it). */
function TaskPlace({ task }: { task: FieldTaskView }) {
  const { t } = useI18n();
  // RT/RW are read from the address, which already says them: the desa and kecamatan follow it
  const area = [
    task.villageName || task.villageCode ? t('task.village', { village: task.villageName ?? task.villageCode ?? '' }) : null,
    task.districtName ? t('task.district', { district: task.districtName }) : null,
  ].filter(Boolean);
  if (!task.applicantName && !task.address && !area.length) return null;
  return (
    <div data-testid="task-place" style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
      {task.applicantName && (
        <div>
          <Typography.Text type="secondary">{t('task.applicant')}: </Typography.Text>
          <Typography.Text strong>{task.applicantName}</Typography.Text>
        </div>
      )}
      <div>
        <EnvironmentOutlined aria-hidden /> {[task.address, ...area].filter(Boolean).join(', ')}
      </div>
      {task.phone ? (
        <div>
          <PhoneOutlined aria-hidden /> {/* a tap on a phone calls the applicant */}
          <a href={`tel:${task.phone.replace(/[^\d+]/g, '')}`} aria-label={t('task.call', { phone: task.phone })}>
            {task.phone}
          </a>
        </div>
      ) : (
        task.phoneHidden && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <PhoneOutlined aria-hidden /> {t('task.phoneHidden')}
          </Typography.Text>
        )
      )}
    </div>
  );
}

/** A field task: where, its stage, status and officer, its visits with their files, and what the officer may do now. */
export function TaskCard({ task, onChanged, showCase }: { task: FieldTaskView; onChanged: () => void; showCase?: boolean }) {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const [dialog, setDialog] = useState<'assign' | 'visit' | null>(null);
  const open = task.status === 'OPEN' || task.status === 'WAITING';
  const canAssign = hasRole(user?.roles, ['HEAD', 'ADMIN']) && open;
  // a task is answered by its officer only: one with no officer waits for the head (the API refuses it too)
  const canVisit = hasRole(user?.roles, ['VERIFIER']) && task.status === 'OPEN' && !!task.assignee && task.assignee === user?.username;
  const showFile = async (attachmentId: string, name: string) => {
    // the window is opened at the click (a popup blocker lets that through), then given the file
    const win = window.open('', '_blank');
    try {
      const blob = await verificationApi.attachment(task.taskId, attachmentId);
      const url = URL.createObjectURL(blob);
      if (win) win.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      win?.close();
      message.error(t('visit.openFailed', { name, reason: errorText(e) }));
    }
  };
  return (
    <Card
      size="small"
      data-testid={`task-${task.stage}`}
      title={
        <Space wrap>
          <span>{label(STAGE_LABEL, task.stage)}</span>
          <Tag color={taskStatusColor(task.status)}>{label(TASK_STATUS_LABEL, task.status)}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
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
          {task.agencyCode} · <Link to={`/intake/applications/${task.applicationId}`}>{t('task.application')}</Link>
        </div>
      )}
      <TaskPlace task={task} />
      <Typography.Text type="secondary">
        {task.assignee
          ? t('task.assignedTo', { officer: task.assignee, by: task.assignedBy ?? '—', at: formatDateTime(task.assignedAt, locale) })
          : t('task.unassigned')}
      </Typography.Text>
      {!task.assignee && task.status === 'OPEN' && hasRole(user?.roles, ['VERIFIER']) && (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('task.noOfficer')} data-testid="task-no-officer" />
      )}
      {task.visits.map((vis) => (
        <Card key={vis.visitId} size="small" type="inner" style={{ marginTop: 8 }} data-testid="visit">
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={vis.recommendation === 'ELIGIBLE' ? 'success' : 'error'}>{label(RECOMMENDATION_LABEL, vis.recommendation)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(vis.visitedAt, locale)} · {vis.officer}
                {vis.latitude !== null && vis.longitude !== null ? ` · ${vis.latitude.toFixed(5)}, ${vis.longitude.toFixed(5)}` : ''}
              </Typography.Text>
            </Space>
            <Typography.Text>{vis.findings}</Typography.Text>
            {vis.attachments.some((a) => !a.attachmentId) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('visit.attachments')}:{' '}
                {vis.attachments
                  .filter((a) => !a.attachmentId)
                  .map((a) => a.name ?? a.ref)
                  .join(', ')}
              </Typography.Text>
            )}
            {vis.attachments.some((a) => a.attachmentId) && (
              <Space wrap data-testid="visit-files">
                {vis.attachments
                  .filter((a) => a.attachmentId)
                  .map((a) => (
                    <Button
                      key={a.ref}
                      size="small"
                      icon={<FileOutlined aria-hidden />}
                      aria-label={t('visit.open', { name: a.name ?? a.ref })}
                      onClick={() => void showFile(a.attachmentId!, a.name ?? a.ref)}
                    >
                      {a.name ?? a.ref}
                    </Button>
                  ))}
              </Space>
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
