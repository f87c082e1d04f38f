import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, asPage, type FieldError, type RejectedMessage } from '../../api';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime, prettyJson } from '../../format';
import JsonView from '../../components/JsonView';

const PAGE_SIZE = 20;

function ErrorList({ errors }: { errors: FieldError[] | undefined }) {
  const list = Array.isArray(errors) ? errors : [];
  if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {list.map((e, i) => (
        <li key={i}>
          {e?.path ? <Typography.Text code>{String(e.path)}</Typography.Text> : null} {String(e?.message ?? '')}
        </li>
      ))}
    </ul>
  );
}

/** Messages of `sigap.rejected`: what a consumer refused and why, and a way to send them again. */
export default function RejectedPage() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const [replaying, setReplaying] = useState<RejectedMessage | null>(null);
  const rejected = useLoad(
    (signal) =>
      api.get<unknown>('/admin/rejected', { limit: page.size, offset: (page.current - 1) * page.size }, signal).then((d) => asPage<RejectedMessage>(d)),
    [page.current, page.size],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('rejected.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('rejected.subtitle')}</Typography.Text>
        </div>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={rejected.reload}>
          {t('action.refresh')}
        </Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RejectedMessage>
          rowKey="id"
          size="middle"
          loading={rejected.loading}
          dataSource={rejected.data?.items ?? []}
          locale={rejected.error ? { emptyText: apiErrorText(rejected.error, t) } : { emptyText: t('rejected.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: rejected.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'eventId', label: t('rejected.eventId'), children: r.eventId ?? '—' },
                  { key: 'payload', label: t('rejected.payload'), children: <JsonView value={r.payload} /> },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('rejected.rejectedAt'), dataIndex: 'rejectedAt', render: (v) => formatDateTime(v, locale) },
            { title: t('rejected.subject'), dataIndex: 'subject', render: (v) => <Typography.Text code>{v ?? '—'}</Typography.Text> },
            { title: t('rejected.consumer'), dataIndex: 'consumer', render: (v) => v ?? '—' },
            { title: t('rejected.reason'), dataIndex: 'reason', render: (v) => v ?? '—' },
            { title: t('rejected.errors'), dataIndex: 'errors', render: (v: FieldError[] | undefined) => <ErrorList errors={v} />, width: 360 },
            {
              title: t('rejected.replays'),
              dataIndex: 'replayCount',
              render: (n: number | undefined, r) =>
                n ? (
                  <Tooltip
                    title={`${t('rejected.lastReplayedAt', { at: formatDateTime(r.lastReplayedAt, locale) })}${r.lastReplayedBy ? ` ${t('rejected.lastReplayedBy', { who: r.lastReplayedBy })}` : ''}`}
                  >
                    <Tag color="blue">{n}×</Tag>
                  </Tooltip>
                ) : (
                  <Tag>0</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button size="small" icon={<RedoOutlined aria-hidden />} onClick={() => setReplaying(r)}>
                  {t('rejected.replay')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {replaying && (
        <ReplayDialog
          message={replaying}
          onClose={() => setReplaying(null)}
          onDone={() => {
            setReplaying(null);
            rejected.reload();
          }}
        />
      )}
    </Space>
  );
}

function ReplayDialog({ message: m, onClose, onDone }: { message: RejectedMessage; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [edit, setEdit] = useState(false);
  const [text, setText] = useState(() => prettyJson(m.payload));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  let parseError: string | null = null;
  let parsed: unknown;
  if (edit) {
    try {
      parsed = JSON.parse(text);
      // the gateway replays an object only (ReplayRejectedRequest: @IsObject)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) parseError = t('rejected.payloadNotObject');
    } catch (e) {
      parseError = t('rejected.invalidJson', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  const submit = async () => {
    if (parseError) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/admin/rejected/${encodeURIComponent(m.id)}/replay`, edit ? { payload: parsed } : {});
      message.success(t('rejected.replayed', { subject: m.subject ?? m.id }));
      onDone();
    } catch (e) {
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('rejected.replayTitle')}
      okText={t('rejected.replay')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !!parseError }}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'subject', label: t('rejected.subject'), children: <Typography.Text code>{m.subject ?? '—'}</Typography.Text> },
            { key: 'eventId', label: t('rejected.eventId'), children: m.eventId ?? '—' },
            { key: 'errors', label: t('rejected.errors'), children: <ErrorList errors={m.errors} /> },
          ]}
        />
        <Checkbox checked={edit} onChange={(e) => setEdit(e.target.checked)}>
          {t('rejected.editPayload')}
        </Checkbox>
        {edit ? (
          <>
            <Input.TextArea
              className="sigap-mono"
              aria-label={t('rejected.payload')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 8, maxRows: 20 }}
              spellCheck={false}
              status={parseError ? 'error' : undefined}
            />
            {parseError && <Typography.Text type="danger">{parseError}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('rejected.replayAsIs')}</Typography.Text>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}
