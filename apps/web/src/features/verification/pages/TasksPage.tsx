// Field verification tasks per officer: "mine" by default, any officer's by username, by
// status; each with its visits, and assign / record a visit where the officer may.
import { useState } from 'react';
import type { TaskStatus } from '@contracts';
import { Card, Col, Empty, Input, Pagination, Row, Segmented, Select, Skeleton, Space } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { TASK_STATUS_LABEL } from '../labels';
import { TaskCard } from '../components/TaskCard';

const PAGE = 20;

export default function TasksPage() {
  const { t, label } = useI18n();
  const errorText = useErrorText();
  const [who, setWho] = useState<'me' | 'all' | 'other'>('me');
  const [other, setOther] = useState('');
  const [status, setStatus] = useState<TaskStatus | undefined>('OPEN');
  const [page, setPage] = useState(1);
  const assignee = who === 'me' ? 'me' : who === 'other' ? other.trim() || undefined : undefined;
  const list = useLoad(
    (signal) => verificationApi.tasks({ assignee, status, limit: PAGE, offset: (page - 1) * PAGE }, signal),
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
            options={valuesOf(TASK_STATUS_LABEL).map((s) => ({ value: s, label: label(TASK_STATUS_LABEL, s) }))}
          />
        </Space>
      </Card>
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : list.error && !list.data ? (
        <Empty description={errorText(list.error)} />
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
