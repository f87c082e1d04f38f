// The front office files an application: agency and service, the service's requirement
// checklist (documents the applicant brought), applicant, beneficiary and target group where
// the standard asks for them. Intake answers REGISTERED with a ticket number and due time,
// or RETURNED with what is missing; a 400 names the fields, each shown under its field.
import { useMemo, useState } from 'react';
import type { FilingWarning, StandardView } from '@contracts';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { FileAddOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { useDraft } from '../../../shared/forms/useDraft';
import { formatDateTime } from '../../../shared/format';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { PersonFields, personBody, type PersonValues } from '../../../shared/forms/PersonFields';
import { PageHeader } from '../../../shared/components/PageHeader';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import { Link } from '../../../shared/router';
import { intakeApi, type ApplicationRegistered, type Filing } from '../api';
import { CHANNEL_LABEL, DOCUMENT_LABEL, FILING_FIELDS, type Channel, type DocumentType } from '../labels';
import { FilingOutcome } from '../components/FilingOutcome';
import { FilingWarningsCheck } from '../components/FilingWarnings';

interface FilingForm {
  agencyCode: string;
  serviceCode?: string;
  channel: Channel;
  documents: Record<string, DocumentType[] | undefined>;
  applicant: PersonValues & { kkNumber?: string; address?: string; villageCode?: string; phone?: string };
  hasBeneficiary?: boolean;
  beneficiary?: PersonValues;
  targetGroup?: string;
}

const KK = /^\d{16}$/;

const BENEFICIARY_LABELS = {
  nik: 'filing.beneficiaryNik',
  name: 'filing.beneficiaryName',
  birthDate: 'filing.beneficiaryBirthDate',
  sex: 'filing.beneficiarySex',
} as const;

type Outcome = { result: ApplicationRegistered; standard: StandardView };

export default function FileApplicationPage() {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [form] = Form.useForm<FilingForm>();
  const agencyCode = Form.useWatch('agencyCode', form) ?? user?.agencyCode;
  const serviceCode = Form.useWatch('serviceCode', form);
  const channel = Form.useWatch('channel', form) ?? 'FRONT_OFFICE';
  const hasBeneficiary = Form.useWatch('hasBeneficiary', form);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [warnings, setWarnings] = useState<FilingWarning[]>([]);
  const draft = useDraft(form, 'filing');

  const services = useLoad((signal) => (agencyCode ? intakeApi.standards({ agencyCode }, signal) : Promise.resolve([])), [agencyCode]);
  const active = (services.data ?? []).filter((s) => s.active !== false && s.agencyCode === agencyCode);
  const standard = active.find((s) => s.code === serviceCode);
  const requirements = (standard?.requirements ?? []).filter((r) => !r.channels?.length || r.channels.includes(channel));
  const needsBeneficiary = !!standard?.beneficiary.required;
  const showBeneficiary = needsBeneficiary || !!hasBeneficiary;

  const submit = useSubmit(
    (v: FilingForm) => {
      const trim = (s?: string) => (s ?? '').trim();
      const filing: Filing = {
        agencyCode: v.agencyCode,
        serviceCode: standard!.code,
        channel: v.channel,
        applicant: {
          ...personBody(v.applicant),
          kkNumber: trim(v.applicant.kkNumber),
          address: trim(v.applicant.address),
          villageCode: trim(v.applicant.villageCode),
          ...(trim(v.applicant.phone) ? { phone: trim(v.applicant.phone) } : {}),
        },
        ...(showBeneficiary && v.beneficiary ? { beneficiary: personBody(v.beneficiary) } : {}),
        ...(v.targetGroup ? { targetGroup: v.targetGroup } : {}),
        documents: [...new Set(Object.values(v.documents ?? {}).flatMap((d) => d ?? []))].map((type) => ({ type })),
      };
      return intakeApi.file(filing);
    },
    {
      form,
      fields: FILING_FIELDS,
      onDone: (result) => {
        draft.clear();
        if (standard) setOutcome({ result, standard });
      },
    },
  );

  if (outcome) {
    return (
      <FilingOutcome
        outcome={outcome}
        warnings={warnings}
        onAnother={() => {
          setOutcome(null);
          form.resetFields();
        }}
      />
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('filing.title')}>
        <Link to="/intake/applications">
          <Button icon={<UnorderedListOutlined aria-hidden />}>{t('nav.intake.queue')}</Button>
        </Link>
      </PageHeader>
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('draft.restored', { time: formatDateTime(draft.restoredAt, locale) })}
          action={
            <Button size="small" onClick={draft.discard}>
              {t('draft.discard')}
            </Button>
          }
        />
      )}
      <Form<FilingForm>
        form={form}
        layout="vertical"
        onFinish={submit.run}
        scrollToFirstError
        initialValues={{ agencyCode: user?.agencyCode, channel: 'FRONT_OFFICE', documents: {} }}
        onValuesChange={(changed: Partial<FilingForm>) => {
          draft.onValuesChange();
          if ('agencyCode' in changed) form.setFieldsValue({ serviceCode: undefined, documents: {}, targetGroup: undefined });
          if ('serviceCode' in changed) form.setFieldsValue({ documents: {}, targetGroup: undefined });
        }}
      >
        <Card title={t('filing.service')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="agencyCode" label={t('field.agency')} rules={[{ required: true, message: t('filing.agencyRequired') }]}>
                <Select options={agencies.map(agencyOption)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="serviceCode"
                label={t('filing.serviceCode')}
                rules={[{ required: true, message: t('filing.serviceRequired') }]}
              >
                <Select
                  loading={services.loading}
                  placeholder={t('filing.servicePlaceholder')}
                  notFoundContent={services.error ? errorText(services.error) : t('filing.noServices')}
                  options={active.map((s) => ({ value: s.code, label: `${loc(s.name, lang)} (${s.code})` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="channel" label={t('filing.channel')}>
                <Select options={valuesOf(CHANNEL_LABEL).map((c) => ({ value: c, label: label(CHANNEL_LABEL, c) }))} />
              </Form.Item>
            </Col>
          </Row>
          {standard && standard.targetGroups.length > 0 && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="targetGroup"
                  label={t('field.targetGroup')}
                  rules={standard.targetGroupRequired ? [{ required: true, message: t('filing.targetGroupRequired') }] : []}
                >
                  <Select
                    allowClear={!standard.targetGroupRequired}
                    placeholder={t('filing.targetGroupPlaceholder')}
                    options={standard.targetGroups.map((g) => ({ value: g.code, label: `${loc(g.name, lang)} (${g.code})` }))}
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          {standard && (
            <Alert
              type="info"
              showIcon
              title={t('filing.deadlineInfo', { deadline: loc(standard.deadlineLabel, lang), version: standard.version })}
              description={standard.fee?.label ? loc(standard.fee.label, lang) : undefined}
            />
          )}
        </Card>

        {standard && (
          <>
            <Card title={t('filing.requirements')} style={{ marginBottom: 16 }} data-testid="requirements">
              <Typography.Paragraph type="secondary">{t('filing.requirementsHelp')}</Typography.Paragraph>
              {requirements.length === 0 && <Typography.Text type="secondary">{t('filing.noRequirements')}</Typography.Text>}
              {requirements.map((r) => (
                <div key={r.code} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{loc(r.name, lang)}</Typography.Text>{' '}
                  {r.checkedBy === 'VERIFICATION' && <Tag color="purple">{t('filing.checkedByVerification')}</Tag>}
                  <Form.Item name={['documents', r.code]} style={{ marginBottom: 0 }}>
                    <Checkbox.Group options={r.documentTypes.map((d) => ({ value: d, label: label(DOCUMENT_LABEL, d) }))} />
                  </Form.Item>
                </div>
              ))}
            </Card>

            <Card title={t('person.applicant')} style={{ marginBottom: 16 }} data-testid="person-applicant">
              <PersonFields name="applicant" nikHelp>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={['applicant', 'kkNumber']}
                    label={t('person.kk')}
                    rules={[
                      { required: true, message: t('filing.kkRequired') },
                      { pattern: KK, message: t('filing.kkFormat') },
                    ]}
                  >
                    <Input inputMode="numeric" maxLength={16} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={['applicant', 'phone']}
                    label={t('person.phone')}
                    rules={[{ pattern: /^\+?[0-9 -]{6,20}$/, message: t('filing.phoneFormat') }]}
                  >
                    <Input inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={['applicant', 'villageCode']}
                    label={t('person.villageCode')}
                    extra={t('filing.villageCodeHelp')}
                    rules={[
                      { required: true, message: t('filing.villageCodeRequired') },
                      { pattern: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, message: t('filing.villageCodeFormat') },
                    ]}
                  >
                    <Input placeholder="33.04.01.2001" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={24}>
                  <Form.Item
                    name={['applicant', 'address']}
                    label={t('person.address')}
                    rules={[{ required: true, whitespace: true, message: t('filing.addressRequired') }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
              </PersonFields>
            </Card>

            <Card
              title={t('person.beneficiary')}
              style={{ marginBottom: 16 }}
              data-testid="person-beneficiary"
              extra={
                !needsBeneficiary && (
                  <Form.Item name="hasBeneficiary" valuePropName="checked" noStyle>
                    <Checkbox>{t('filing.hasBeneficiary')}</Checkbox>
                  </Form.Item>
                )
              }
            >
              {needsBeneficiary && (
                <Typography.Paragraph type="secondary">
                  {t('filing.beneficiaryRequired', { age: standard.beneficiary.ageUnder ?? '—' })}
                </Typography.Paragraph>
              )}
              {!showBeneficiary && <Typography.Text type="secondary">{t('filing.noBeneficiary')}</Typography.Text>}
              {showBeneficiary && <PersonFields name="beneficiary" labels={BENEFICIARY_LABELS} />}
            </Card>
          </>
        )}

        <FilingWarningsCheck standard={standard} onChange={setWarnings} />
        <ErrorAlert error={submit.error} fields={FILING_FIELDS} testId="filing-error" style={{ marginBottom: 16 }} />
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<FileAddOutlined aria-hidden />}
          loading={submit.busy}
          disabled={!standard}
        >
          {t('filing.submit')}
        </Button>
      </Form>
    </Space>
  );
}
