// The service catalog (standar pelayanan) for admins: every standard of the agencies they
// cover, and an editor whose save is the standard's next version (applications already filed
// keep theirs). The fields an admin changes most are a form; the rest of the definition is
// sent back as it was.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, asPage } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import { ApiError } from '../../api';
import { deadlineUnitLabel, documentLabel } from '../../intake/labels';
import {
  DEADLINE_UNITS, DOCUMENT_TYPES, agencyCovers, loc, type StandardDefinition, type StandardVersionView, type StandardView,
} from '../../intake/model';
import { PageHeader } from '../../components/PageHeader';
import { EditDrawer } from '../../components/EditDrawer';

export default function CatalogPage() {
  const { t, lang, locale } = useI18n();
  const { user } = useAuth();
  const list = useLoad((signal) => api.get<unknown>('/services', { includeInactive: true }, signal).then((d) => asPage<StandardView>(d).items), []);
  const mine = useMemo(() => (list.data ?? []).filter((s) => user && agencyCovers(user.agencyCode, s.agencyCode)), [list.data, user]);
  const [editing, setEditing] = useState<StandardView | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')} onRefresh={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StandardView>
          rowKey={(s) => `${s.agencyCode}/${s.code}`}
          size="middle"
          loading={list.loading}
          dataSource={mine}
          pagination={false}
          locale={list.error ? { emptyText: apiErrorText(list.error, t) } : undefined}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('filing.agency'), dataIndex: 'agencyCode', render: (c: string, s) => <span title={s.agencyName}>{c} · {s.agencyName}</span> },
            { title: t('catalog.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            { title: t('catalog.name'), key: 'name', render: (_: unknown, s) => loc(s.name, lang) },
            { title: t('status.deadline'), key: 'deadline', render: (_: unknown, s) => loc(s.deadlineLabel, lang) },
            { title: t('catalog.requirements'), key: 'req', render: (_: unknown, s) => s.requirements.length },
            { title: t('catalog.version'), dataIndex: 'version', render: (v: number, s) => <span>v{v} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(s.publishedAt, locale)}</Typography.Text></span> },
            {
              title: t('users.status'),
              dataIndex: 'active',
              render: (a: boolean) => (a ? <Tag color="success">{t('catalog.active')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, s) => (
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(s)} aria-label={`${t('action.edit')} ${s.agencyCode} ${s.code}`}>
                  {t('action.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StandardEditor
          standard={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}

interface EditForm {
  name: { id: string; en: string };
  description?: { id?: string; en?: string };
  decreeNumber?: string;
  deadline: { amount: number; unit: StandardDefinition['deadline']['unit'] };
  deadlineNote?: { id?: string; en?: string };
  requirements: StandardDefinition['requirements'];
  active: boolean;
  changeNote?: string;
}

/** The definition without the view's own fields (agency, version, labels). */
function definitionOf(s: StandardView): StandardDefinition {
  const { agencyCode: _a, agencyName: _n, version: _v, active: _ac, deadlineLabel: _d, publishedAt: _p, ...def } = s;
  return def;
}

const both = (t?: { id?: string; en?: string }) => (t?.id?.trim() && t.en?.trim() ? { id: t.id.trim(), en: t.en.trim() } : undefined);

function StandardEditor({ standard, onClose, onSaved }: { standard: StandardView; onClose: () => void; onSaved: () => void }) {
  const { t, lang, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const versions = useLoad(
    (signal) =>
      api
        .get<unknown>(`/services/${encodeURIComponent(standard.agencyCode)}/${encodeURIComponent(standard.code)}/versions`, undefined, signal)
        .then((d) => asPage<StandardVersionView>(d).items),
    [standard.agencyCode, standard.code],
  );

  const save = async (v: EditForm) => {
    setBusy(true);
    setError(null);
    const def = definitionOf(standard);
    const body: Record<string, unknown> = {
      ...def,
      name: { id: v.name.id.trim(), en: v.name.en.trim() },
      description: both(v.description),
      decreeNumber: v.decreeNumber?.trim() || null,
      deadline: { amount: v.deadline.amount, unit: v.deadline.unit },
      deadlineNote: both(v.deadlineNote),
      requirements: v.requirements.map((r) => ({ ...r, code: r.code.trim().toUpperCase(), name: { id: r.name.id.trim(), en: r.name.en.trim() } })),
      active: v.active,
      changeNote: v.changeNote?.trim() || undefined,
    };
    for (const k of ['description', 'deadlineNote', 'changeNote']) if (body[k] === undefined) delete body[k];
    try {
      const saved = await api.put<StandardView>(`/services/${encodeURIComponent(standard.agencyCode)}/${encodeURIComponent(standard.code)}`, body);
      message.success(t('catalog.saved', { code: standard.code, version: saved?.version ?? '?' }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          e.details
            .map((d) => ({ name: String(d.path ?? '').replace(/\[(\d+)\]/g, '.$1').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [d.message] }))
            .filter((f) => (f.name as (string | number)[])[0] !== undefined && ['name', 'description', 'decreeNumber', 'deadline', 'deadlineNote', 'requirements'].includes(String((f.name as (string | number)[])[0]))),
        );
      }
      const details = e instanceof ApiError && e.details.length ? ` — ${e.details.map((d) => `${d.path}: ${d.message}`).join('; ')}` : '';
      setError(apiErrorText(e, t) + details);
      setBusy(false);
    }
  };

  return (
    <EditDrawer title={t('catalog.editTitle', { code: standard.code, agency: standard.agencyCode, version: standard.version })} saveLabel={t('catalog.saveVersion')} busy={busy} onSave={() => form.submit()} onClose={onClose}>
      <Tabs
        items={[
          {
            key: 'edit',
            label: t('catalog.tab.edit'),
            children: (
              <Form<EditForm>
                form={form}
                layout="vertical"
                onFinish={save}
                initialValues={{
                  name: standard.name,
                  description: standard.description,
                  decreeNumber: standard.decreeNumber ?? undefined,
                  deadline: standard.deadline,
                  deadlineNote: standard.deadlineNote,
                  requirements: standard.requirements,
                  active: standard.active,
                }}
              >
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name={['name', 'id']} label={t('catalog.nameId')} rules={[{ required: true, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['name', 'en']} label={t('catalog.nameEn')} rules={[{ required: true, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['description', 'id']} label={t('catalog.descriptionId')}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['description', 'en']} label={t('catalog.descriptionEn')}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['deadline', 'amount']} label={t('catalog.deadlineAmount')} rules={[{ required: true }]}>
                      <InputNumber min={0} max={3660} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['deadline', 'unit']} label={t('catalog.deadlineUnit')} rules={[{ required: true }]}>
                      <Select options={DEADLINE_UNITS.map((u) => ({ value: u, label: deadlineUnitLabel(u, t) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="decreeNumber" label={t('catalog.decreeNumber')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['deadlineNote', 'id']} label={t('catalog.deadlineNoteId')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['deadlineNote', 'en']} label={t('catalog.deadlineNoteEn')}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <Typography.Title level={5}>{t('catalog.requirements')}</Typography.Title>
                <Form.List name="requirements">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                          <Row gutter={8} align="middle">
                            <Col span={7}>
                              <Form.Item name={[f.name, 'code']} label={t('catalog.code')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{1,39}$/ }]}>
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item name={[f.name, 'checkedBy']} label={t('catalog.checkedBy')} rules={[{ required: true }]}>
                                <Select
                                  options={[
                                    { value: 'INTAKE', label: t('catalog.checkedBy.INTAKE') },
                                    { value: 'VERIFICATION', label: t('catalog.checkedBy.VERIFICATION') },
                                  ]}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item name={[f.name, 'documentTypes']} label={t('catalog.documentTypes')} rules={[{ required: true, type: 'array', min: 1 }]}>
                                <Select mode="multiple" options={DOCUMENT_TYPES.map((d) => ({ value: d, label: documentLabel(d, t) }))} />
                              </Form.Item>
                            </Col>
                            <Col span={1}>
                              <MinusCircleOutlined aria-label={t('catalog.removeRequirement')} onClick={() => remove(f.name)} />
                            </Col>
                            <Col span={12}>
                              <Form.Item name={[f.name, 'name', 'id']} label={t('catalog.nameId')} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 0 }}>
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col span={12}>
                              <Form.Item name={[f.name, 'name', 'en']} label={t('catalog.nameEn')} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 0 }}>
                                <Input />
                              </Form.Item>
                            </Col>
                          </Row>
                        </Card>
                      ))}
                      <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: '', name: { id: '', en: '' }, documentTypes: [], checkedBy: 'INTAKE' })}>
                        {t('catalog.addRequirement')}
                      </Button>
                    </>
                  )}
                </Form.List>
                <Row gutter={12} style={{ marginTop: 16 }}>
                  <Col span={6}>
                    <Form.Item name="active" label={t('catalog.active')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col span={18}>
                    <Form.Item name="changeNote" label={t('catalog.changeNote')} rules={[{ required: true, whitespace: true, message: t('catalog.changeNoteRequired') }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                {error && (
                  <Typography.Text type="danger" role="alert">
                    {error}
                  </Typography.Text>
                )}
              </Form>
            ),
          },
          {
            key: 'versions',
            label: t('catalog.tab.versions'),
            children: (
              <Table<StandardVersionView>
                rowKey="version"
                size="small"
                loading={versions.loading}
                dataSource={versions.data ?? []}
                pagination={false}
                locale={versions.error ? { emptyText: apiErrorText(versions.error, t) } : undefined}
                columns={[
                  { title: t('catalog.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
                  { title: t('catalog.publishedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
                  { title: t('catalog.by'), dataIndex: 'createdBy' },
                  { title: t('catalog.changeNote'), dataIndex: 'changeNote', render: (v: string | null) => v ?? '—' },
                  { title: t('catalog.name'), key: 'name', render: (_: unknown, v) => loc(v.definition?.name, lang) },
                  { title: t('users.status'), dataIndex: 'active', render: (a: boolean) => (a ? t('catalog.active') : t('catalog.inactive')) },
                ]}
              />
            ),
          },
        ]}
      />
    </EditDrawer>
  );
}
