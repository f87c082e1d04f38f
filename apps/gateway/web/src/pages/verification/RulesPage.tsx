// The eligibility settings (aturan kelayakan) verification assesses each service standard by,
// as they are in force for the caller's agency: whose they are (the agency's own, its
// province's, or the installation's defaults), their version, who changed them and when, and
// every earlier version. An admin edits them: the save is the agency's next version, and only
// the keys the service's settings already have are shown; the others are sent back as they were.
import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert, App, Button, Card, Checkbox, Col, Descriptions, Drawer, Empty, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography, type FormItemProps,
} from 'antd';
import { EditOutlined, HistoryOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError, asPage } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import { hasRole } from '../../roles';
import { loc, type StandardView } from '../../intake/model';
import type { MessageKey, Vars } from '../../i18n';
import {
  BOOLEAN_SETTINGS, FIELD_STAGES, NATIONAL_PROGRAMMES, SETTING_KEYS, rulesOwner,
  type EligibilityRulesView, type EligibilitySettings, type FieldStage, type SettingKey, type TargetGroupRule,
} from '../../verification/model';
import { PageHeader } from '../../components/PageHeader';
import { EditDrawer } from '../../components/EditDrawer';

type T = (key: MessageKey, vars?: Vars) => string;

const has = (s: EligibilitySettings, k: SettingKey) => Object.prototype.hasOwnProperty.call(s, k);

export default function RulesPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const canEdit = hasRole(user?.roles, ['ADMIN']);
  const list = useLoad((signal) => api.get<unknown>('/verification/rules', undefined, signal).then((d) => asPage<EligibilityRulesView>(d).items), []);
  // the standards' names, to title the cards (the catalog is public; without it the code will do)
  const standards = useLoad((signal) => api.get<unknown>('/services', undefined, signal).then((d) => asPage<StandardView>(d).items), []);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of standards.data ?? []) if (!names.has(s.code) || s.agencyCode === user?.agencyCode) names.set(s.code, loc(s.name, lang));
    return (code: string) => names.get(code);
  }, [standards.data, lang, user?.agencyCode]);
  const [history, setHistory] = useState<string | null>(null);
  const [editing, setEditing] = useState<EligibilityRulesView | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')} onRefresh={list.reload} />
      {list.error !== null && <Alert type="error" showIcon role="alert" title={apiErrorText(list.error, t)} />}
      {!list.data && !list.error && <Skeleton active />}
      {list.data && list.data.length === 0 && <Empty description={t('rules.none')} />}
      {(list.data ?? []).map((r) => (
        <Card
          key={r.serviceCode}
          data-testid={`rules-${r.serviceCode}`}
          // the standards' names are long (a whole sentence): they wrap rather than being cut off
          styles={{ title: { whiteSpace: 'normal' } }}
          title={
            <Space wrap>
              <span>{nameOf(r.serviceCode) ?? r.serviceCode}</span>
              <Typography.Text code>{r.serviceCode}</Typography.Text>
            </Space>
          }
          extra={
            <Space wrap>
              <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setHistory(r.serviceCode)}>
                {t('rules.history')}
              </Button>
              {canEdit && (
                <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)}>
                  {t('rules.edit')}
                </Button>
              )}
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <RulesSource rules={r} myAgency={user?.agencyCode} />
            <SettingsList settings={r.settings} />
          </Space>
        </Card>
      ))}
      {history && <HistoryDrawer serviceCode={history} title={nameOf(history) ?? history} myAgency={user?.agencyCode} onClose={() => setHistory(null)} />}
      {editing && (
        <RulesEditor
          rules={editing}
          title={nameOf(editing.serviceCode) ?? editing.serviceCode}
          agencyCode={user?.agencyCode ?? ''}
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

function OwnerTag({ agencyCode, myAgency }: { agencyCode: string; myAgency: string | undefined }) {
  const { t } = useI18n();
  const owner = rulesOwner(agencyCode, myAgency);
  return (
    <Tag color={owner === 'OWN' ? 'blue' : owner === 'PROVINCE' ? 'purple' : 'default'} data-testid="rules-owner">
      {t(`rules.owner.${owner}`, { agency: agencyCode })}
    </Tag>
  );
}

/** Whose settings, which version, who changed them and when. */
function RulesSource({ rules, myAgency }: { rules: EligibilityRulesView; myAgency: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <Space wrap size={[8, 4]} data-testid="rules-source">
      <OwnerTag agencyCode={rules.agencyCode} myAgency={myAgency} />
      <Typography.Text strong data-testid="rules-version">
        {t('rules.version', { version: rules.version })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('rules.changedBy', { by: rules.updatedBy, at: formatDateTime(rules.updatedAt, locale) })}</Typography.Text>
    </Space>
  );
}

function ageText(n: number | null | undefined, t: T): string {
  return typeof n === 'number' ? t('rules.age.years', { n }) : t('rules.age.noLimit');
}

function groupText(code: string, g: TargetGroupRule, t: T): string {
  const parts = [
    g.sex ? t(`rules.sex.${g.sex}`) : null,
    typeof g.minAge === 'number' ? t('rules.minAge', { n: g.minAge }) : null,
    typeof g.ageUnder === 'number' ? t('rules.ageUnder', { n: g.ageUnder }) : null,
  ].filter(Boolean);
  return `${code} (${parts.length ? parts.join(', ') : t('rules.group.any')})`;
}

/** One setting in plain words. */
function settingText(s: EligibilitySettings, k: SettingKey, t: T): ReactNode {
  if ((BOOLEAN_SETTINGS as readonly string[]).includes(k)) return s[k as (typeof BOOLEAN_SETTINGS)[number]] ? t('rules.yes') : t('rules.no');
  switch (k) {
    case 'sktmDocument':
      return s.sktmDocument ? <Typography.Text code>{s.sktmDocument}</Typography.Text> : '—';
    case 'maxDecile':
      return typeof s.maxDecile === 'number' ? t('rules.decile.n', { n: s.maxDecile }) : t('rules.decile.any');
    case 'beneficiaryAgeUnder':
      return ageText(s.beneficiaryAgeUnder, t);
    case 'targetGroupAgeUnder': {
      const e = Object.entries(s.targetGroupAgeUnder ?? {});
      return e.length ? e.map(([code, n]) => `${code}: ${t('rules.ageUnder', { n })}`).join('; ') : t('rules.none.value');
    }
    case 'targetGroups': {
      const e = Object.entries(s.targetGroups ?? {});
      return s.targetGroups ? (
        <Space orientation="vertical" size={0}>
          {e.map(([code, g]) => (
            <span key={code}>{groupText(code, g, t)}</span>
          ))}
        </Space>
      ) : (
        t('rules.groups.open')
      );
    }
    case 'notInPrograms':
      return s.notInPrograms?.length ? (
        <Space size={[4, 4]} wrap>
          {s.notInPrograms.map((p) => (
            <Tag key={p}>{p}</Tag>
          ))}
        </Space>
      ) : (
        t('rules.none.value')
      );
    case 'fieldStages':
      return s.fieldStages?.length ? s.fieldStages.map((st, i) => `${i + 1}. ${t(`stage.${st}`)}`).join(' → ') : t('rules.stages.none');
    default:
      return '—';
  }
}

/** Each setting the service has, in plain words. */
function SettingsList({ settings }: { settings: EligibilitySettings }) {
  const { t } = useI18n();
  return (
    <div data-testid="rules-settings">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={SETTING_KEYS.filter((k) => has(settings, k)).map((k) => ({ key: k, label: t(`rules.field.${k}`), children: settingText(settings, k, t) }))}
      />
    </div>
  );
}

function HistoryDrawer({ serviceCode, title, myAgency, onClose }: { serviceCode: string; title: string; myAgency: string | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const versions = useLoad(
    (signal) => api.get<unknown>(`/verification/rules/${encodeURIComponent(serviceCode)}/versions`, undefined, signal).then((d) => asPage<EligibilityRulesView>(d).items),
    [serviceCode],
  );
  return (
    <Drawer open size="large" title={t('rules.historyTitle', { service: title })} onClose={onClose} destroyOnHidden>
      <div data-testid="rules-history">
        <Table<EligibilityRulesView>
          rowKey={(v) => `${v.agencyCode}/${v.version}`}
          size="small"
          loading={versions.loading}
          dataSource={versions.data ?? []}
          pagination={false}
          locale={versions.error ? { emptyText: apiErrorText(versions.error, t) } : { emptyText: t('rules.noHistory') }}
          expandable={{ expandedRowRender: (v) => <SettingsList settings={v.settings} /> }}
          columns={[
            { title: t('catalog.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
            { title: t('rules.whose'), dataIndex: 'agencyCode', render: (a: string) => <OwnerTag agencyCode={a} myAgency={myAgency} /> },
            { title: t('rules.by'), dataIndex: 'updatedBy' },
            { title: t('rules.at'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, locale) },
          ]}
        />
      </div>
    </Drawer>
  );
}

/** A whole number, or null for "any" (a checkbox beside it): the decile, the age limit. */
function NullableNumber({
  id, value, onChange, min, max, fallback, anyLabel, suffix,
}: { id?: string; value?: number | null; onChange?: (v: number | null) => void; min: number; max: number; fallback: number; anyLabel: string; suffix?: string }) {
  const any = value === null || value === undefined;
  return (
    <Space wrap>
      <InputNumber
        id={id}
        min={min}
        max={max}
        precision={0}
        disabled={any}
        value={any ? null : value}
        suffix={suffix}
        onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
        style={{ width: 140 }}
      />
      <Checkbox checked={any} onChange={(e) => onChange?.(e.target.checked ? null : fallback)}>
        {anyLabel}
      </Checkbox>
    </Space>
  );
}

interface GroupRow {
  code: string;
  minAge?: number | null;
  ageUnder?: number | null;
  sex?: 'M' | 'F' | 'ANY';
}

type EditValues = Partial<Omit<EligibilitySettings, 'targetGroupAgeUnder' | 'targetGroups'>> & {
  targetGroupAgeUnder?: { code: string; age: number }[];
  targetGroups?: GroupRow[];
};

function toForm(s: EligibilitySettings): EditValues {
  const { targetGroupAgeUnder, targetGroups, ...rest } = s;
  const v: EditValues = { ...rest };
  if (has(s, 'targetGroupAgeUnder')) v.targetGroupAgeUnder = Object.entries(targetGroupAgeUnder ?? {}).map(([code, age]) => ({ code, age }));
  if (has(s, 'targetGroups')) v.targetGroups = Object.entries(targetGroups ?? {}).map(([code, g]) => ({ code, minAge: g.minAge, ageUnder: g.ageUnder, sex: g.sex ?? 'ANY' }));
  return v;
}

const code = (c: string) => c.trim().toUpperCase();

/** The form's values over the current settings: the keys the form does not show stay as they are. */
function fromForm(current: EligibilitySettings, v: EditValues): EligibilitySettings {
  const out: EligibilitySettings = { ...current };
  const o = out as unknown as Record<string, unknown>;
  for (const k of SETTING_KEYS) {
    if (!has(current, k)) continue;
    switch (k) {
      case 'targetGroupAgeUnder':
        out.targetGroupAgeUnder = Object.fromEntries((v.targetGroupAgeUnder ?? []).map((r) => [code(r.code), r.age]));
        break;
      case 'targetGroups': {
        const rows = v.targetGroups ?? [];
        out.targetGroups = rows.length
          ? Object.fromEntries(
              rows.map((r) => {
                const g: TargetGroupRule = {};
                if (typeof r.minAge === 'number') g.minAge = r.minAge;
                if (typeof r.ageUnder === 'number') g.ageUnder = r.ageUnder;
                if (r.sex === 'M' || r.sex === 'F') g.sex = r.sex;
                return [code(r.code), g];
              }),
            )
          : null;
        break;
      }
      case 'notInPrograms':
        out.notInPrograms = [...new Set((v.notInPrograms ?? []).map(code).filter(Boolean))];
        break;
      case 'sktmDocument':
        out.sktmDocument = code(v.sktmDocument ?? '');
        break;
      case 'maxDecile':
      case 'beneficiaryAgeUnder':
        o[k] = typeof v[k] === 'number' ? v[k] : null;
        break;
      default:
        o[k] = v[k as keyof EditValues];
    }
  }
  return out;
}

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{1,39}$/;

function RulesEditor({ rules, title, agencyCode, onClose, onSaved }: { rules: EligibilityRulesView; title: string; agencyCode: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = rules.settings;
  const shown = (k: SettingKey) => has(s, k);

  const save = async (v: EditValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<EligibilityRulesView>(`/verification/rules/${encodeURIComponent(rules.serviceCode)}`, { settings: fromForm(s, v) });
      message.success(t('rules.saved', { service: rules.serviceCode, version: saved?.version ?? '?' }));
      onSaved();
    } catch (e) {
      // the API names `settings.<key>`: the error goes under that key's control; any other (an unknown key) in the alert
      const byField = new Map<SettingKey, string[]>();
      const other: string[] = [];
      if (e instanceof ApiError) {
        for (const d of e.details) {
          const key = String(d.path ?? '').replace(/^settings\.?/, '').split(/[.[]/)[0] as SettingKey;
          if ((SETTING_KEYS as readonly string[]).includes(key) && shown(key)) byField.set(key, [...(byField.get(key) ?? []), d.message]);
          else other.push(`${d.path}: ${d.message}`);
        }
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      setError(apiErrorText(e, t) + (other.length ? ` — ${other.join('; ')}` : ''));
      setBusy(false);
    }
  };

  /** One setting in a half-width column, when the service has it. */
  const half = (k: SettingKey, control: ReactNode, item: Omit<FormItemProps, 'name' | 'label'> = {}) =>
    shown(k) && (
      <Col xs={24} md={12} key={k}>
        <Form.Item name={k} label={t(`rules.field.${k}`)} {...item}>
          {control}
        </Form.Item>
      </Col>
    );
  const yesNo = (k: (typeof BOOLEAN_SETTINGS)[number]) => half(k, <Switch />, { valuePropName: 'checked' });
  const stageLabel = (st: FieldStage) => t(`stage.${st}`);

  return (
    <EditDrawer title={t('rules.editTitle', { service: title })} saveLabel={t('action.save')} busy={busy} onSave={() => form.submit()} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('rules.editHelp', { agency: agencyCode })}</Typography.Paragraph>
        <Form<EditValues> form={form} layout="vertical" onFinish={save} initialValues={toForm(s)} data-testid="rules-form">
          <Row gutter={16}>
            {yesNo('registryOrSktm')}
            {half('sktmDocument', <Input style={{ textTransform: 'uppercase' }} />, { rules: [{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }] })}
            {yesNo('registryOrPmks')}
            {half('maxDecile', <NullableNumber min={1} max={10} fallback={10} anyLabel={t('rules.decile.anyOption')} />)}
            {yesNo('beneficiaryRequired')}
            {half('beneficiaryAgeUnder', <NullableNumber min={1} max={150} fallback={18} anyLabel={t('rules.age.noLimitOption')} />)}
            {yesNo('domicileInAgencyArea')}
            {yesNo('residentOfAgencyArea')}
            {yesNo('onePerHousehold')}
          </Row>
          {shown('notInPrograms') && (
            <Form.Item name="notInPrograms" label={t('rules.field.notInPrograms')} extra={t('rules.programmesHelp')}>
              <Select mode="tags" tokenSeparators={[',']} options={NATIONAL_PROGRAMMES.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          )}
          {shown('fieldStages') && (
            <Form.Item name="fieldStages" label={t('rules.field.fieldStages')} extra={t('rules.stagesHelp')}>
              <Select<FieldStage[]> mode="multiple" options={FIELD_STAGES.map((st) => ({ value: st, label: stageLabel(st) }))} />
            </Form.Item>
          )}
          {shown('targetGroupAgeUnder') && (
            <Form.Item label={t('rules.field.targetGroupAgeUnder')} required={false}>
              <Form.List name="targetGroupAgeUnder">
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Row key={f.key} gutter={8} align="middle">
                        <Col span={13}>
                          <Form.Item name={[f.name, 'code']} rules={[{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }]}>
                            <Input aria-label={t('rules.group.code')} style={{ textTransform: 'uppercase' }} />
                          </Form.Item>
                        </Col>
                        <Col span={9}>
                          <Form.Item name={[f.name, 'age']} rules={[{ required: true }]}>
                            <InputNumber aria-label={t('rules.group.ageUnder')} min={0} max={150} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col span={2}>
                          <Form.Item>
                            <MinusCircleOutlined aria-label={t('rules.group.remove')} onClick={() => remove(f.name)} />
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: '', age: 5 })}>
                      {t('rules.group.add')}
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          {shown('targetGroups') && (
            <Form.Item label={t('rules.field.targetGroups')} extra={t('rules.groupsHelp')}>
              <Form.List name="targetGroups">
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Row key={f.key} gutter={8} align="bottom">
                        <Col span={8}>
                          <Form.Item name={[f.name, 'code']} label={t('rules.group.code')} rules={[{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }]}>
                            <Input style={{ textTransform: 'uppercase' }} />
                          </Form.Item>
                        </Col>
                        <Col span={4}>
                          <Form.Item name={[f.name, 'minAge']} label={t('rules.group.minAge')}>
                            <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col span={4}>
                          <Form.Item name={[f.name, 'ageUnder']} label={t('rules.group.ageUnder')}>
                            <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col span={6}>
                          <Form.Item name={[f.name, 'sex']} label={t('rules.group.sex')}>
                            <Select
                              options={[
                                { value: 'ANY', label: t('rules.group.sexAny') },
                                { value: 'F', label: t('rules.sex.F') },
                                { value: 'M', label: t('rules.sex.M') },
                              ]}
                            />
                          </Form.Item>
                        </Col>
                        <Col span={2}>
                          <Form.Item>
                            <MinusCircleOutlined aria-label={t('rules.group.remove')} onClick={() => remove(f.name)} />
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: '', sex: 'ANY' })}>
                      {t('rules.group.add')}
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon role="alert" title={error} data-testid="rules-error" />}
        </Form>
      </Space>
    </EditDrawer>
  );
}
