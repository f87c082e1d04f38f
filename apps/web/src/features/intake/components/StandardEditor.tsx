import type { StandardDefinition, StandardVersionView, StandardView } from '@contracts';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch, Table, Tabs, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { intakeApi, type StandardUpdate } from '../api';
import { CHECKED_BY_LABEL, DEADLINE_UNIT_LABEL, DOCUMENT_LABEL, STANDARD_FIELDS } from '../labels';

interface EditForm {
  name: { id: string; en: string };
  description?: { id?: string; en?: string };
  decreeNumber?: string;
  deadline: { amount: number; unit: StandardDefinition['deadline']['unit'] };
  deadlineNote?: { id?: string; en?: string };
  requirements: StandardDefinition['requirements'];
  /** whole Rupiah as typed (digits only); empty: not set */
  benefit?: { amount?: string; byTargetGroup?: Record<string, string | undefined> };
  active: boolean;
  changeNote?: string;
}

/** The definition without the view's own fields (agency, version, labels). */
function definitionOf(s: StandardView): StandardDefinition {
  const { agencyCode: _a, agencyName: _n, version: _v, active: _ac, deadlineLabel: _d, publishedAt: _p, benefitAmount: _b, ...def } = s;
  return def;
}

/** whole Rupiah, more than 0, as the contract's BENEFIT_RUPIAH (digits only: never parsed into a float) */
const BENEFIT = /^[1-9]\d{0,14}$/;

/** The benefit as the API takes it: empty fields are unset; nothing set at all is `null` (no default is invented). */
export function benefitOf(v: EditForm['benefit']): StandardDefinition['benefit'] {
  const amount = v?.amount?.trim() || null;
  const byTargetGroup = Object.entries(v?.byTargetGroup ?? {})
    .map(([targetGroup, a]) => ({ targetGroup, amount: (a ?? '').trim() }))
    .filter((g) => g.amount);
  return amount || byTargetGroup.length ? { amount, byTargetGroup } : null;
}

/** "1500000" → "Rp 1.500.000", on the digits (no number on the way). */
export function rupiah(amount: string): string {
  return `Rp ${amount.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

const both = (t?: { id?: string; en?: string }) => (t?.id?.trim() && t.en?.trim() ? { id: t.id.trim(), en: t.en.trim() } : undefined);

export function StandardEditor({ standard, onClose, onSaved }: { standard: StandardView; onClose: () => void; onSaved: () => void }) {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const versions = useLoad(
    (signal) => intakeApi.standardVersions(standard.agencyCode, standard.code, signal),
    [standard.agencyCode, standard.code],
  );

  const submit = useSubmit(
    (v: EditForm) => {
      const def = definitionOf(standard);
      const body: StandardUpdate = {
        ...def,
        name: { id: v.name.id.trim(), en: v.name.en.trim() },
        description: both(v.description),
        decreeNumber: v.decreeNumber?.trim() || null,
        deadline: { amount: v.deadline.amount, unit: v.deadline.unit },
        deadlineNote: both(v.deadlineNote),
        requirements: v.requirements.map((r) => ({
          ...r,
          code: r.code.trim().toUpperCase(),
          name: { id: r.name.id.trim(), en: r.name.en.trim() },
        })),
        benefit: standard.benefitAmount.required ? benefitOf(v.benefit) : def.benefit,
        active: v.active,
        changeNote: v.changeNote?.trim() || undefined,
      };
      if (body.description === undefined) delete body.description;
      if (body.deadlineNote === undefined) delete body.deadlineNote;
      if (body.changeNote === undefined) delete body.changeNote;
      if (body.benefit === undefined) delete body.benefit;
      return intakeApi.updateStandard(standard.agencyCode, standard.code, body);
    },
    {
      form,
      fields: STANDARD_FIELDS,
      onDone: (saved) => {
        message.success(t('catalog.saved', { code: standard.code, version: saved?.version ?? '?' }));
        onSaved();
      },
    },
  );

  return (
    <EditDrawer
      title={t('catalog.editTitle', { code: standard.code, agency: standard.agencyCode, version: standard.version })}
      saveLabel={t('catalog.saveVersion')}
      busy={submit.busy}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Tabs
        items={[
          {
            key: 'edit',
            label: t('catalog.tab.edit'),
            children: (
              <Form<EditForm>
                form={form}
                layout="vertical"
                onFinish={submit.run}
                initialValues={{
                  name: standard.name,
                  description: standard.description,
                  decreeNumber: standard.decreeNumber ?? undefined,
                  deadline: standard.deadline,
                  deadlineNote: standard.deadlineNote,
                  requirements: standard.requirements,
                  benefit: {
                    amount: standard.benefitAmount.amount ?? undefined,
                    byTargetGroup: Object.fromEntries(standard.benefitAmount.byTargetGroup.map((g) => [g.targetGroup, g.amount])),
                  },
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
                      <Select options={valuesOf(DEADLINE_UNIT_LABEL).map((u) => ({ value: u, label: label(DEADLINE_UNIT_LABEL, u) }))} />
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
                {standard.benefitAmount.required && (
                  <div data-testid="catalog-benefit">
                    <Typography.Title level={5}>{t('catalog.benefit')}</Typography.Title>
                    <Typography.Paragraph type="secondary">{t('catalog.benefitHelp')}</Typography.Paragraph>
                    <Row gutter={12}>
                      <Col span={12}>
                        <Form.Item
                          name={['benefit', 'amount']}
                          label={t('catalog.benefitAmount')}
                          rules={[{ pattern: BENEFIT, message: t('catalog.benefitInvalid') }]}
                          normalize={(x?: string) => x?.replace(/[^0-9]/g, '')}
                        >
                          <Input
                            prefix="Rp"
                            inputMode="numeric"
                            placeholder={t('catalog.benefitUnset')}
                            aria-label={t('catalog.benefitAmount')}
                          />
                        </Form.Item>
                      </Col>
                      {standard.targetGroups.map((g) => (
                        <Col span={12} key={g.code}>
                          <Form.Item
                            name={['benefit', 'byTargetGroup', g.code]}
                            label={t('catalog.benefitForGroup', { group: loc(g.name, lang, g.code) })}
                            rules={[{ pattern: BENEFIT, message: t('catalog.benefitInvalid') }]}
                            normalize={(x?: string) => x?.replace(/[^0-9]/g, '')}
                          >
                            <Input
                              prefix="Rp"
                              inputMode="numeric"
                              placeholder={t('catalog.benefitSameAsStandard')}
                              aria-label={`${t('catalog.benefitAmount')} ${g.code}`}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </div>
                )}
                <Typography.Title level={5}>{t('catalog.requirements')}</Typography.Title>
                <Form.List name="requirements">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                          <Row gutter={8} align="middle">
                            <Col span={7}>
                              <Form.Item
                                name={[f.name, 'code']}
                                label={t('catalog.code')}
                                rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{1,39}$/ }]}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item name={[f.name, 'checkedBy']} label={t('catalog.checkedBy')} rules={[{ required: true }]}>
                                <Select
                                  options={valuesOf(CHECKED_BY_LABEL).map((c) => ({ value: c, label: label(CHECKED_BY_LABEL, c) }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item
                                name={[f.name, 'documentTypes']}
                                label={t('catalog.documentTypes')}
                                rules={[{ required: true, type: 'array', min: 1 }]}
                              >
                                <Select
                                  mode="multiple"
                                  options={valuesOf(DOCUMENT_LABEL).map((d) => ({ value: d, label: label(DOCUMENT_LABEL, d) }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={1}>
                              <MinusCircleOutlined aria-label={t('catalog.removeRequirement')} onClick={() => remove(f.name)} />
                            </Col>
                            <Col span={12}>
                              <Form.Item
                                name={[f.name, 'name', 'id']}
                                label={t('catalog.nameId')}
                                rules={[{ required: true, whitespace: true }]}
                                style={{ marginBottom: 0 }}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col span={12}>
                              <Form.Item
                                name={[f.name, 'name', 'en']}
                                label={t('catalog.nameEn')}
                                rules={[{ required: true, whitespace: true }]}
                                style={{ marginBottom: 0 }}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                          </Row>
                        </Card>
                      ))}
                      <Button
                        type="dashed"
                        block
                        icon={<PlusOutlined aria-hidden />}
                        onClick={() => add({ code: '', name: { id: '', en: '' }, documentTypes: [], checkedBy: 'INTAKE' })}
                      >
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
                    <Form.Item
                      name="changeNote"
                      label={t('catalog.changeNote')}
                      rules={[{ required: true, whitespace: true, message: t('catalog.changeNoteRequired') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <ErrorAlert error={submit.error} fields={STANDARD_FIELDS} testId="catalog-error" />
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
                locale={versions.error ? { emptyText: errorText(versions.error) } : undefined}
                columns={[
                  { title: t('field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
                  { title: t('catalog.publishedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
                  { title: t('catalog.by'), dataIndex: 'createdBy' },
                  { title: t('catalog.changeNote'), dataIndex: 'changeNote', render: (v: string | null) => v ?? '—' },
                  { title: t('catalog.name'), key: 'name', render: (_: unknown, v) => loc(v.definition?.name, lang) },
                  {
                    title: t('field.status'),
                    dataIndex: 'active',
                    render: (a: boolean) => (a ? t('catalog.active') : t('catalog.inactive')),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </EditDrawer>
  );
}
