// Field verification tasks per officer: "mine" by default, any officer's by username, by
// status; each with its visits, and assign / record a visit where the officer may. The tasks
// are grouped by where they are (kecamatan, desa) so a day's route can be planned, and a search
// narrows them by ticket, applicant or place.
import { useMemo, useState } from 'react';
import type { TaskStatus } from '@contracts';
import { Card, Col, Empty, Input, Pagination, Row, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import type { FieldTaskView } from '@contracts';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { TASK_STATUS_LABEL } from '../labels';
import { TaskCard } from '../components/TaskCard';

const PAGE = 100;

/** Where a task is: its kecamatan and desa (by name once verification has the area list, else the desa's code), else the agency's area. */
function placeOf(task: FieldTaskView): { key: string; label: string | null; text: string } {
  const parts = [task.districtName ? `Kec. ${task.districtName}` : null, task.villageName].filter((x): x is string => !!x);
  const label = parts.length ? parts.join(' · ') : (task.villageCode ?? null);
  return {
    key: label ?? `agency:${task.agencyCode}`,
    label,
    text: [label, task.applicantName, task.address, task.villageCode, task.rt && `RT ${task.rt}`, task.rw && `RW ${task.rw}`]
      .filter(Boolean)
      .join(' '),
  };
}

export default function TasksPage() {
  const { t, label } = useI18n();
  const errorText = useErrorText();
  const [who, setWho] = useState<'me' | 'all' | 'other'>('me');
  const [other, setOther] = useState('');
  const [status, setStatus] = useState<TaskStatus | undefined>('OPEN');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const assignee = who === 'me' ? 'me' : who === 'other' ? other.trim() || undefined : undefined;
  const list = useLoad(
    (signal) => verificationApi.tasks({ assignee, status, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [assignee, status, page],
  );
  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const hit = (task: FieldTaskView) =>
      !needle ||
      [task.ticketNumber, task.serviceCode, task.assignee, task.agencyCode, placeOf(task).text].some((v) =>
        v?.toLowerCase().includes(needle),
      );
    const by = new Map<string, { label: string; tasks: FieldTaskView[] }>();
    for (const task of (list.data?.items ?? []).filter(hit)) {
      const place = placeOf(task);
      const g = by.get(place.key) ?? { label: place.label ?? t('tasks.placeUnknown', { agency: task.agencyCode }), tasks: [] };
      g.tasks.push(task);
      by.set(place.key, g);
    }
    return [...by.values()].sort((a, b) => a.label.localeCompare(b.label));
  }, [list.data, q, t]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('tasks.title')} onRefresh={list.reload} />
      <Card size="small">
        {/* a wrapping row whose parts never grow past the screen (a phone is 390 px wide) */}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Input.Search
            allowClear
            type="search"
            aria-label={t('tasks.search')}
            placeholder={t('tasks.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              value={who}
              onChange={(v) => {
                setWho(v as typeof who);
                setPage(1);
              }}
              options={[
                { value: 'me', label: t('tasks.mine') },
                { value: 'all', label: t('tasks.all') },
                { value: 'other', label: t('tasks.officer') },
              ]}
            />
          </div>
          {who === 'other' && (
            <Input.Search
              aria-label={t('task.officer')}
              placeholder={t('task.officer')}
              onSearch={(v) => {
                setOther(v);
                setPage(1);
              }}
              style={{ width: 220, maxWidth: '100%' }}
            />
          )}
          <Select
            allowClear
            aria-label={t('cases.status')}
            placeholder={t('cases.status')}
            style={{ minWidth: 180 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={valuesOf(TASK_STATUS_LABEL).map((s) => ({ value: s, label: label(TASK_STATUS_LABEL, s) }))}
          />
        </div>
      </Card>
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : list.error && !list.data ? (
        <Empty description={errorText(list.error)} />
      ) : (list.data?.items ?? []).length === 0 ? (
        <Empty description={t('tasks.none')} />
      ) : groups.length === 0 ? (
        <Empty description={t('tasks.noMatch', { q })} />
      ) : (
        groups.map((g) => (
          <section key={g.label} data-testid="task-group">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('tasks.group', { place: g.label, count: g.tasks.length })}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              {g.tasks.map((task) => (
                <Col key={task.taskId} xs={24} lg={12} xxl={8}>
                  <TaskCard task={task} onChanged={list.reload} showCase />
                </Col>
              ))}
            </Row>
          </section>
        ))
      )}
      {(list.data?.total ?? 0) > PAGE && (
        <Pagination current={page} pageSize={PAGE} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
      )}
    </Space>
  );
}
