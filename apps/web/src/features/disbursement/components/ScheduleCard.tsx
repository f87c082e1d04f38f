// A decree's distribution schedule (jadwal penyaluran): an entry per village of its recipients
// (place, date, start and end time, the lurah it was arranged with and what was agreed), the
// villages not scheduled yet, and every version. The API replaces the schedule as a whole with
// the version seen: a change someone made meanwhile is a 409, said in words with the latest
// schedule a click away, the values typed kept and the others brought up to date.
import { useEffect, useState, type HTMLAttributes } from 'react';
import type { ScheduleEntryDto, ScheduleEntryView, ScheduleView } from '@contracts';
import { Alert, App, Button, Card, Collapse, DatePicker, Form, Input, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { CalendarOutlined, DeleteOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ApiError } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { DATE_FORMATS, isoDateProps } from '../../../shared/forms/dates';
import { formatDate, formatDay } from '../../../shared/format';
import { disbursementApi } from '../api';
import { SCHEDULE_FIELDS } from '../labels';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CHANGED = 'DISBURSEMENT_SCHEDULE_CHANGED';

const isConflict = (e: unknown) => e instanceof ApiError && e.code === CHANGED;

/** What the PUT takes of an entry (the view adds its recipients). */
const bodyOf = (e: ScheduleEntryView | ScheduleEntryDto): ScheduleEntryDto => ({
  villageCode: e.villageCode,
  place: e.place,
  date: e.date,
  startTime: e.startTime,
  endTime: e.endTime,
  lurahName: e.lurahName,
  lurahNote: e.lurahNote ?? null,
});

export function ScheduleCard({ decreeId, canChange }: { decreeId: string; canChange: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const schedule = useLoad((signal) => disbursementApi.schedule(decreeId, signal), [decreeId]);
  const [editing, setEditing] = useState<string | null>(null);
  const s = schedule.data;
  const remove = useSubmit(
    (villageCode: string) =>
      disbursementApi.replaceSchedule(decreeId, {
        version: s!.version,
        entries: s!.entries.filter((e) => e.villageCode !== villageCode).map(bodyOf),
      }),
    {
      fields: SCHEDULE_FIELDS,
      onDone: (after) => {
        message.success(t('dist.schedule.saved', { version: after.version }));
        schedule.reload();
      },
    },
  );

  if (!s) {
    return (
      <Card size="small" title={t('dist.schedule.title')} data-testid="distribution-schedule">
        {schedule.error ? <ErrorAlert error={schedule.error} /> : <Skeleton active />}
      </Card>
    );
  }
  const villages = s.unscheduled.filter((u): u is { villageCode: string; recipients: number } => !!u.villageCode);
  const noVillage = s.unscheduled.find((u) => !u.villageCode);

  return (
    <Card
      size="small"
      title={t('dist.schedule.title')}
      data-testid="distribution-schedule"
      extra={
        <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={schedule.reload} loading={schedule.loading}>
          {t('action.refresh')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary" data-testid="schedule-version">
          {s.version > 0
            ? t('dist.schedule.version', { version: s.version, by: s.updatedBy ?? '—', at: formatDate(s.updatedAt, locale) })
            : t('dist.schedule.none')}
        </Typography.Text>
        <ConflictAlert error={remove.error} onReload={schedule.reload} />
        {s.entries.length > 0 && (
          <Table<ScheduleEntryView>
            rowKey="villageCode"
            size="small"
            pagination={false}
            dataSource={s.entries}
            scroll={{ x: 'max-content' }}
            onRow={(e) => ({ 'data-testid': `schedule-${e.villageCode}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('dist.schedule.village'), dataIndex: 'villageCode' },
              {
                title: t('dist.schedule.place'),
                dataIndex: 'place',
                render: (v: string) => <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{v}</div>,
              },
              {
                title: t('dist.schedule.date'),
                key: 'when',
                render: (_: unknown, e) => (
                  <>
                    <div>{formatDay(`${e.date}T00:00:00`, locale)}</div>
                    <Typography.Text type="secondary">
                      {e.startTime}–{e.endTime}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('dist.schedule.lurahName'),
                key: 'lurah',
                render: (_: unknown, e) => (
                  <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                    <div>{e.lurahName}</div>
                    {e.lurahNote && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.lurahNote}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              { title: t('dist.schedule.recipients'), dataIndex: 'recipients', align: 'right' },
              ...(canChange
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, e: ScheduleEntryView) => (
                        <Space size={4}>
                          <Button
                            size="small"
                            icon={<EditOutlined aria-hidden />}
                            aria-label={t('dist.schedule.editOf', { village: e.villageCode })}
                            onClick={() => setEditing(e.villageCode)}
                          >
                            {t('action.edit')}
                          </Button>
                          <Popconfirm
                            title={t('dist.schedule.removeConfirm', { village: e.villageCode })}
                            okText={t('common.yes')}
                            cancelText={t('common.no')}
                            onConfirm={() => void remove.run(e.villageCode)}
                          >
                            <Button
                              size="small"
                              danger
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={t('dist.schedule.removeOf', { village: e.villageCode })}
                              title={t('dist.schedule.remove')}
                            />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {villages.length > 0 && (
          <div data-testid="schedule-unscheduled">
            <Typography.Text strong>{t('dist.schedule.unscheduled')}</Typography.Text>
            <Space orientation="vertical" style={{ width: '100%', marginTop: 4 }}>
              {villages.map((u) => (
                <Space key={u.villageCode} wrap data-testid={`unscheduled-${u.villageCode}`}>
                  <span>{t('dist.schedule.unscheduledRow', { village: u.villageCode, n: u.recipients })}</span>
                  {canChange && (
                    <Button
                      size="small"
                      type="primary"
                      icon={<CalendarOutlined aria-hidden />}
                      aria-label={t('dist.schedule.addOf', { village: u.villageCode })}
                      onClick={() => setEditing(u.villageCode)}
                    >
                      {t('dist.schedule.add')}
                    </Button>
                  )}
                </Space>
              ))}
            </Space>
          </div>
        )}
        {noVillage && <Alert type="warning" showIcon title={t('dist.schedule.noVillage', { n: noVillage.recipients })} />}
        {s.history.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 'history',
                label: t('dist.schedule.history', { n: s.history.length }),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }} data-testid="schedule-history">
                    {s.history.map((h) => (
                      <div key={h.version}>
                        <Typography.Text strong>
                          {t('dist.schedule.historyItem', { version: h.version, by: h.changedBy, at: formatDate(h.changedAt, locale) })}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {' · '}
                          {t('dist.schedule.historyVillages', { n: h.entries.length })}
                          {h.reason ? ` · ${h.reason}` : ''}
                        </Typography.Text>
                      </div>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
      {editing && (
        <EntryDialog
          schedule={s}
          villageCode={editing}
          reloading={schedule.loading}
          onReload={schedule.reload}
          onClose={() => setEditing(null)}
          onDone={(after) => {
            setEditing(null);
            message.success(t('dist.schedule.saved', { version: after.version }));
            schedule.reload();
          }}
        />
      )}
    </Card>
  );
}

/** The 409 of a schedule changed meanwhile, with the button that loads the latest one. */
function ConflictAlert({ error, onReload, loading }: { error: unknown; onReload: () => void; loading?: boolean }) {
  const { t } = useI18n();
  if (!isConflict(error)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="schedule-conflict"
      title={t('dist.schedule.conflict')}
      action={
        <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={onReload} loading={loading}>
          {t('dist.schedule.reloadLatest')}
        </Button>
      }
    />
  );
}

interface EntryValues {
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  lurahName: string;
  lurahNote?: string;
  reason?: string;
}

/**
 * One village's entry, added or changed: the whole schedule is sent with it, at the version the
 * page holds. After a 409 the latest schedule is loaded on request: what the officer typed is
 * kept, every other field takes the latest values, and the save goes against the latest version.
 */
function EntryDialog({
  schedule,
  villageCode,
  reloading,
  onReload,
  onClose,
  onDone,
}: {
  schedule: ScheduleView;
  villageCode: string;
  reloading: boolean;
  onReload: () => void;
  onClose: () => void;
  onDone: (after: ScheduleView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [reloadAsked, setReloadAsked] = useState<number | null>(null);
  const current = schedule.entries.find((e) => e.villageCode === villageCode);
  const index = current ? schedule.entries.indexOf(current) : schedule.entries.length;
  const submit = useSubmit(
    (v: EntryValues) => {
      const entry: ScheduleEntryDto = {
        villageCode,
        place: v.place.trim(),
        date: v.date,
        startTime: v.startTime.trim(),
        endTime: v.endTime.trim(),
        lurahName: v.lurahName.trim(),
        lurahNote: v.lurahNote?.trim() || null,
      };
      const others = schedule.entries.map(bodyOf);
      const entries = current ? others.map((e) => (e.villageCode === villageCode ? entry : e)) : [...others, entry];
      return disbursementApi.replaceSchedule(schedule.decreeId, { version: schedule.version, entries, reason: v.reason?.trim() || null });
    },
    { form, fields: SCHEDULE_FIELDS, pathPrefix: `entries[${index}].`, onDone },
  );
  // the latest version came in after a 409: say so once
  useEffect(() => {
    if (reloadAsked === null || reloading || schedule.version === reloadAsked) return;
    setReloadAsked(null);
    // the fields this officer changed stay as typed; the others take the latest version's values,
    // so that saving does not silently put back what the other officer changed
    const latest = schedule.entries.find((e) => e.villageCode === villageCode);
    if (latest) {
      const fresh: EntryValues = { ...bodyOf(latest), lurahNote: latest.lurahNote ?? undefined };
      const keys = ['place', 'date', 'startTime', 'endTime', 'lurahName', 'lurahNote'] as const;
      form.setFieldsValue(Object.fromEntries(keys.filter((k) => !form.isFieldTouched(k)).map((k) => [k, fresh[k]])));
    }
    message.info(t('dist.schedule.reloaded', { version: schedule.version }));
  }, [reloadAsked, reloading, schedule, villageCode, form, message, t]);
  const time = (name: 'startTime' | 'endTime') => (
    <Form.Item
      name={name}
      label={t(name === 'startTime' ? 'dist.schedule.startTime' : 'dist.schedule.endTime')}
      rules={[
        { required: true, pattern: HHMM, message: t('dist.schedule.timeFormat') },
        ...(name === 'endTime'
          ? [
              ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
                validator: (_: unknown, v: string | undefined) => {
                  const start = getFieldValue('startTime') as string | undefined;
                  return !v || !start || !HHMM.test(v) || !HHMM.test(start) || v > start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('dist.schedule.endAfterStart')));
                },
              }),
            ]
          : []),
      ]}
      style={{ flex: 1 }}
    >
      <Input placeholder={name === 'startTime' ? '09:00' : '12:00'} maxLength={5} inputMode="numeric" style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <FormDialog
      title={t(current ? 'dist.schedule.editOf' : 'dist.schedule.addOf', { village: villageCode })}
      okText={t('action.save')}
      form={form}
      submit={submit}
      onClose={onClose}
      width={560}
      initialValues={current ? { ...bodyOf(current), lurahNote: current.lurahNote ?? undefined } : {}}
    >
      <ConflictAlert
        error={submit.error}
        loading={reloading}
        onReload={() => {
          setReloadAsked(schedule.version);
          onReload();
        }}
      />
      <Form.Item
        name="place"
        label={t('dist.schedule.place')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.schedule.placeRequired') }]}
      >
        <Input maxLength={300} placeholder="Balai Kelurahan …" />
      </Form.Item>
      <Space wrap align="start" size="middle">
        <Form.Item
          name="date"
          label={t('dist.schedule.date')}
          rules={[{ required: true, message: t('dist.schedule.dateRequired') }]}
          {...isoDateProps}
        >
          <DatePicker
            format={DATE_FORMATS}
            placeholder="HH-BB-TTTT"
            style={{ width: 170 }}
            disabledDate={(d) => d.isBefore(dayjs(schedule.decreeDate, 'YYYY-MM-DD'), 'day')}
          />
        </Form.Item>
        {time('startTime')}
        {time('endTime')}
      </Space>
      <Form.Item
        name="lurahName"
        label={t('dist.schedule.lurahName')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('dist.schedule.lurahRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="lurahNote" label={t('dist.schedule.lurahNote')} extra={t('dist.schedule.lurahNoteHelp')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {schedule.version > 0 && (
        <Form.Item name="reason" label={t('dist.schedule.reason')} extra={t('dist.schedule.reasonHelp')}>
          <Input maxLength={1000} />
        </Form.Item>
      )}
    </FormDialog>
  );
}
