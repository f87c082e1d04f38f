// Field verification tasks per officer: "mine" by default, any officer's by username, by
// status; each with its visits, and assign / record a visit where the officer may.
import { useState } from 'react';
import { Card, Col, Empty, Input, Pagination, Row, Segmented, Select, Skeleton, Space } from 'antd';
import { api } from '../../api';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { TaskCard } from './CasePage';
import { TASK_STATUSES, type FieldTaskView, type TaskStatus } from '../../verification/model';
import { PageHeader } from '../../components/PageHeader';

const PAGE = 20;

export default function TasksPage() {
  const { t } = useI18n();
  const [who, setWho] = useState<'me' | 'all' | 'other'>('me');
  const [other, setOther] = useState('');
  const [status, setStatus] = useState<TaskStatus | undefined>('OPEN');
  const [page, setPage] = useState(1);
  const assignee = who === 'me' ? 'me' : who === 'other' ? other.trim() || undefined : undefined;
  const list = useLoad(
    (signal) => api.get<{ items: FieldTaskView[]; total: number }>('/verification/tasks', { assignee, status, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [assignee, status, page],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('tasks.title')} onRefresh={list.reload} />
      <Card size="small">
        <Space wrap>
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
          {who === 'other' && <Input.Search aria-label={t('task.officer')} placeholder={t('task.officer')} onSearch={(v) => { setOther(v); setPage(1); }} style={{ width: 220 }} />}
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
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`task.status.${s}`) }))}
          />
        </Space>
      </Card>
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : list.error && !list.data ? (
        <Empty description={apiErrorText(list.error, t)} />
      ) : (list.data?.items ?? []).length === 0 ? (
        <Empty description={t('tasks.none')} />
      ) : (
        <Row gutter={[16, 16]}>
          {list.data!.items.map((task) => (
            <Col key={task.taskId} xs={24} lg={12} xxl={8}>
              <TaskCard task={task} onChanged={list.reload} showCase />
            </Col>
          ))}
        </Row>
      )}
      {(list.data?.total ?? 0) > PAGE && <Pagination current={page} pageSize={PAGE} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />}
    </Space>
  );
}
