import type { ReactNode } from 'react';
import type { EligibilityRulesView, FieldStage } from '@contracts';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography, type FormItemProps } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { verificationApi } from '../api';
import { RULES_FIELDS, SETTING_LABEL, STAGE_LABEL } from '../labels';
import { NATIONAL_PROGRAMMES, fromForm, has, toForm, type BooleanSetting, type EditValues, type SettingKey } from '../settings';
import { NullableNumber } from './NullableNumber';

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{1,39}$/;

/** The agency's next version of a service's settings: only the keys the service has are shown; the others go back as they were. */
export function RulesEditor({
  rules,
  title,
  agencyCode,
  onClose,
  onSaved,
}: {
  rules: EligibilityRulesView;
  title: string;
  agencyCode: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const s = rules.settings;
  const shown = (k: SettingKey) => has(s, k);
  // the API names `settings.<key>`: each error goes under that key's control, and all of them in the alert
  const submit = useSubmit((v: EditValues) => verificationApi.updateRules(rules.serviceCode, fromForm(s, v)), {
    form,
    fields: RULES_FIELDS,
    pathPrefix: 'settings.',
    onDone: (saved) => {
      message.success(t('rules.saved', { service: rules.serviceCode, version: saved?.version ?? '?' }));
      onSaved();
    },
  });

  /** One setting in a half-width column, when the service has it. */
  const half = (k: SettingKey, control: ReactNode, item: Omit<FormItemProps, 'name' | 'label'> = {}) =>
    shown(k) && (
      <Col xs={24} md={12} key={k}>
        <Form.Item name={k} label={t(SETTING_LABEL[k])} {...item}>
          {control}
        </Form.Item>
      </Col>
    );
  const yesNo = (k: BooleanSetting) => half(k, <Switch />, { valuePropName: 'checked' });

  return (
    <EditDrawer
      title={t('rules.editTitle', { service: title })}
      saveLabel={t('action.save')}
      busy={submit.busy}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('rules.editHelp', { agency: agencyCode })}</Typography.Paragraph>
        <Form<EditValues> form={form} layout="vertical" onFinish={submit.run} initialValues={toForm(s)} data-testid="rules-form">
          <Row gutter={16}>
            {yesNo('registryOrSktm')}
            {half('sktmDocument', <Input style={{ textTransform: 'uppercase' }} />, {
              rules: [{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }],
            })}
            {yesNo('registryOrPmks')}
            {half('maxDecile', <NullableNumber min={1} max={10} fallback={10} anyLabel={t('rules.decile.anyOption')} />)}
            {yesNo('beneficiaryRequired')}
            {half('beneficiaryAgeUnder', <NullableNumber min={1} max={150} fallback={18} anyLabel={t('rules.age.noLimitOption')} />)}
            {yesNo('domicileInAgencyArea')}
            {yesNo('residentOfAgencyArea')}
            {yesNo('onePerHousehold')}
          </Row>
          {shown('notInPrograms') && (
            <Form.Item name="notInPrograms" label={t(SETTING_LABEL.notInPrograms)} extra={t('rules.programmesHelp')}>
              <Select mode="tags" tokenSeparators={[',']} options={NATIONAL_PROGRAMMES.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          )}
          {shown('fieldStages') && (
            <Form.Item name="fieldStages" label={t(SETTING_LABEL.fieldStages)} extra={t('rules.stagesHelp')}>
              <Select<FieldStage[]>
                mode="multiple"
                options={valuesOf(STAGE_LABEL).map((st) => ({ value: st, label: label(STAGE_LABEL, st) }))}
              />
            </Form.Item>
          )}
          {shown('targetGroupAgeUnder') && (
            <Form.Item label={t(SETTING_LABEL.targetGroupAgeUnder)} required={false}>
              <Form.List name="targetGroupAgeUnder">
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Row key={f.key} gutter={8} align="middle">
                        <Col span={13}>
                          <Form.Item
                            name={[f.name, 'code']}
                            rules={[{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }]}
                          >
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
            <Form.Item label={t(SETTING_LABEL.targetGroups)} extra={t('rules.groupsHelp')}>
              <Form.List name="targetGroups">
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Row key={f.key} gutter={8} align="bottom">
                        <Col span={8}>
                          <Form.Item
                            name={[f.name, 'code']}
                            label={t('rules.group.code')}
                            rules={[{ required: true, pattern: CODE_PATTERN, message: t('rules.codeRule') }]}
                          >
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
          <ErrorAlert error={submit.error} fields={RULES_FIELDS} testId="rules-error" />
        </Form>
      </Space>
    </EditDrawer>
  );
}
