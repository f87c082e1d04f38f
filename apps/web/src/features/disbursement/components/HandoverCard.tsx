// The handover (BAST, berita acara serah terima) of a decree: each paid recipient still waiting,
// with "Catat serah terima" for who may record it (when, where, who received it, the references
// of the signature and the photo), and the BASTs recorded, in the order they happened. Only a
// paid recipient is handed over, once; the API says so in words if another officer was quicker.
import { useState, type HTMLAttributes } from 'react';
import type { DecreeView, HandoverView } from '@contracts';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { formatDate } from '../../../shared/format';
import { disbursementApi } from '../api';
import { HANDOVER_FIELDS } from '../labels';
import { formatRupiah } from '../money';
import { Money } from './Money';

type Recipient = NonNullable<DecreeView['recipients']>[number];

const mono = { fontFamily: 'ui-monospace, monospace', fontSize: 12 } as const;

export function HandoverCard({ decree, canRecord }: { decree: DecreeView; canRecord: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useLoad((signal) => disbursementApi.handovers(decree.id, signal), [decree.id]);
  const [recording, setRecording] = useState<Recipient | null>(null);
  const l = list.data;
  if (!l) {
    return (
      <Card size="small" title={t('dist.bast.title')} data-testid="handover-bast">
        {list.error ? <ErrorAlert error={list.error} /> : <Skeleton active />}
      </Card>
    );
  }
  const done = new Set(l.items.map((h) => h.applicationId));
  const waiting = (decree.recipients ?? []).filter((r) => r.status === 'PAID' && !done.has(r.applicationId));

  return (
    <Card
      size="small"
      title={t('dist.bast.title')}
      data-testid="handover-bast"
      extra={
        <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={list.reload} loading={list.loading}>
          {t('action.refresh')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={l.awaiting > 0 ? 'orange' : 'green'} data-testid="handover-awaiting">
            {t('dist.bast.awaiting', { n: l.awaiting })}
          </Tag>
          <Tag data-testid="handover-count">{t('dist.bast.recorded', { n: l.items.length })}</Tag>
        </Space>
        {waiting.length > 0 ? (
          <Table<Recipient>
            rowKey="applicationId"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={waiting}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': `awaiting-${r.ticketNumber ?? r.applicationId}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('field.ticket'),
                key: 'ticket',
                render: (_: unknown, r) => (
                  <div style={{ maxWidth: 150, whiteSpace: 'normal' }}>
                    <Typography.Text style={mono}>{r.ticketNumber ?? '—'}</Typography.Text>
                  </div>
                ),
              },
              { title: t('dist.bast.recipient'), dataIndex: 'name' },
              { title: t('disb.recipient.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money value={v} /> },
              { title: t('disb.settlement.sp2d'), dataIndex: 'sp2dNumber', render: (v: string | null) => v ?? '—' },
              ...(canRecord
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, r: Recipient) => (
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckCircleOutlined aria-hidden />}
                          aria-label={t('dist.bast.recordOf', { name: r.name })}
                          onClick={() => setRecording(r)}
                        >
                          {t('dist.bast.record')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('dist.bast.awaitingNone')}</Typography.Text>
        )}

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('dist.bast.list')}
        </Typography.Title>
        <Table<HandoverView>
          rowKey="bastNumber"
          size="small"
          data-testid="handover-list"
          locale={{ emptyText: t('dist.bast.none') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          dataSource={l.items}
          scroll={{ x: 'max-content' }}
          onRow={(h) => ({ 'data-testid': `bast-${h.ticketNumber ?? h.applicationId}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('dist.bast.number'),
              dataIndex: 'bastNumber',
              render: (v: string) => <Typography.Text style={mono}>{v}</Typography.Text>,
            },
            {
              title: t('dist.bast.recipient'),
              key: 'recipient',
              render: (_: unknown, h) => (
                <div style={{ maxWidth: 180, whiteSpace: 'normal' }}>
                  <div>{h.recipientName}</div>
                  <Typography.Text type="secondary" style={mono}>
                    {h.villageCode ?? ''}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('dist.bast.handedOverAt'), dataIndex: 'handedOverAt', render: (v: string) => formatDate(v, locale) },
            {
              title: t('dist.bast.place'),
              dataIndex: 'place',
              render: (v: string) => <div style={{ maxWidth: 180, whiteSpace: 'normal' }}>{v}</div>,
            },
            {
              title: t('dist.bast.receivedBy'),
              key: 'receivedBy',
              render: (_: unknown, h) => (
                <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                  <div>
                    {h.receivedBy}
                    {h.representative && h.representativeRelation
                      ? ` (${t('dist.bast.asRepresentative', { relation: h.representativeRelation })})`
                      : ''}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dist.bast.refs', { signature: h.signatureRef, photo: h.photoRef })}
                  </Typography.Text>
                  {h.note && <div style={{ fontSize: 12 }}>{h.note}</div>}
                </div>
              ),
            },
            { title: t('dist.bast.officer'), dataIndex: 'officer' },
          ]}
        />
      </Space>
      {recording && (
        <HandoverDialog
          decree={decree}
          recipient={recording}
          onClose={() => setRecording(null)}
          onDone={(h) => {
            setRecording(null);
            message.success(t('dist.bast.done', { name: recording.name, bast: h.bastNumber }));
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

interface HandoverValues {
  handedOverAt: Dayjs;
  place: string;
  receivedBy: string;
  representative?: boolean;
  representativeRelation?: string;
  signatureRef: string;
  photoRef: string;
  note?: string;
}

function HandoverDialog({
  decree,
  recipient,
  onClose,
  onDone,
}: {
  decree: DecreeView;
  recipient: Recipient;
  onClose: () => void;
  onDone: (h: HandoverView) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<HandoverValues>();
  const representative = Form.useWatch('representative', form);
  const submit = useSubmit(
    (v: HandoverValues) =>
      disbursementApi.recordHandover(decree.id, recipient.applicationId, {
        // the officer's clock with its offset (`2026-12-09T10:15:00+07:00`), to the minute as typed
        handedOverAt: v.handedOverAt.second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ'),
        place: v.place.trim(),
        receivedBy: v.receivedBy.trim(),
        representative: !!v.representative,
        representativeRelation: v.representative ? (v.representativeRelation?.trim() ?? null) : null,
        signatureRef: v.signatureRef.trim(),
        photoRef: v.photoRef.trim(),
        note: v.note?.trim() || null,
      }),
    { form, fields: HANDOVER_FIELDS, onDone },
  );
  const decreeDay = dayjs(decree.decreeDate, 'YYYY-MM-DD');
  return (
    <FormDialog
      title={t('dist.bast.recordTitle', { name: recipient.name })}
      okText={t('dist.bast.record')}
      form={form}
      submit={submit}
      onClose={onClose}
      width={560}
      initialValues={{ handedOverAt: dayjs(), receivedBy: recipient.name, representative: false }}
    >
      <Typography.Paragraph type="secondary">
        {t('dist.bast.amount', { amount: formatRupiah(recipient.amount, locale), sp2d: recipient.sp2dNumber ?? '—' })}
      </Typography.Paragraph>
      <Form.Item
        name="handedOverAt"
        label={t('dist.bast.handedOverAt')}
        rules={[{ required: true, message: t('dist.bast.handedOverAtRequired') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="DD-MM-YYYY HH:mm"
          style={{ width: 200 }}
          disabledDate={(d) => d.isBefore(decreeDay, 'day') || d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('dist.bast.place')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.bast.placeRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="receivedBy"
        label={t('dist.bast.receivedBy')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.bast.receivedByRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="representative" valuePropName="checked" style={{ marginBottom: representative ? 8 : undefined }}>
        <Checkbox>{t('dist.bast.representative')}</Checkbox>
      </Form.Item>
      {representative && (
        <Form.Item
          name="representativeRelation"
          label={t('dist.bast.representativeRelation')}
          extra={t('dist.bast.representativeRelationHelp')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('dist.bast.representativeRelationRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
      )}
      <Form.Item
        name="signatureRef"
        label={t('dist.bast.signatureRef')}
        extra={t('dist.bast.refHelp')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.bast.refRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="photoRef"
        label={t('dist.bast.photoRef')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.bast.refRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="note" label={t('dist.bast.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
