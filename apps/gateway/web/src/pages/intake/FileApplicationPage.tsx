// The front office files an application: agency and service, the service's requirement
// checklist (documents the applicant brought), applicant, beneficiary and target group where
// the standard asks for them. Intake answers REGISTERED with a ticket number and due time,
// or RETURNED with what is missing; a 400 names the field, shown under it.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { FileAddOutlined, PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { api, ApiError, asPage } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import {
  CHANNELS, coveredAgencies, loc, statusColor, type ApplicationRegistered, type Channel, type DocumentType, type StandardView,
} from '../../intake/model';
import { channelLabel, documentLabel } from '../../intake/labels';

interface PersonFields {
  nik?: string;
  name?: string;
  birthDate?: string;
  sex?: 'M' | 'F';
}

interface FilingForm {
  agencyCode: string;
  serviceCode?: string;
  channel: Channel;
  documents: Record<string, DocumentType[] | undefined>;
  applicant: PersonFields & { kkNumber?: string; address?: string; villageCode?: string; phone?: string };
  hasBeneficiary?: boolean;
  beneficiary?: PersonFields;
  targetGroup?: string;
}

/** Fields the form has, as the API's `details[].path` names them. */
const FIELD_PATHS = [
  'agencyCode', 'serviceCode', 'channel', 'targetGroup', 'documents',
  'applicant.nik', 'applicant.kkNumber', 'applicant.name', 'applicant.birthDate', 'applicant.sex', 'applicant.address',
  'applicant.villageCode', 'applicant.phone', 'applicant',
  'beneficiary.nik', 'beneficiary.name', 'beneficiary.birthDate', 'beneficiary.sex', 'beneficiary',
];

const NIK = /^\d{16}$/;

type Outcome = { result: ApplicationRegistered; standard: StandardView };

export default function FileApplicationPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [form] = Form.useForm<FilingForm>();
  const agencyCode = Form.useWatch('agencyCode', form) ?? user?.agencyCode;
  const serviceCode = Form.useWatch('serviceCode', form);
  const channel = Form.useWatch('channel', form) ?? 'FRONT_OFFICE';
  const hasBeneficiary = Form.useWatch('hasBeneficiary', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; unplaced: string[] } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const services = useLoad(
    (signal) => (agencyCode ? api.get<unknown>('/services', { agencyCode }, signal).then((d) => asPage<StandardView>(d).items) : Promise.resolve([])),
    [agencyCode],
  );
  const active = (services.data ?? []).filter((s) => s.active !== false && s.agencyCode === agencyCode);
  const standard = active.find((s) => s.code === serviceCode);
  const requirements = (standard?.requirements ?? []).filter((r) => !r.channels?.length || r.channels.includes(channel));
  const needsBeneficiary = !!standard?.beneficiary.required;
  const showBeneficiary = needsBeneficiary || !!hasBeneficiary;

  const submit = async (v: FilingForm) => {
    if (!standard) return;
    setBusy(true);
    setError(null);
    const documents = [...new Set(Object.values(v.documents ?? {}).flatMap((d) => d ?? []))].map((type) => ({ type }));
    const trim = (s?: string) => (s ?? '').trim();
    const body = {
      agencyCode: v.agencyCode,
      serviceCode: standard.code,
      channel: v.channel,
      applicant: {
        nik: trim(v.applicant.nik),
        kkNumber: trim(v.applicant.kkNumber),
        name: trim(v.applicant.name),
        birthDate: v.applicant.birthDate,
        sex: v.applicant.sex,
        address: trim(v.applicant.address),
        villageCode: trim(v.applicant.villageCode),
        ...(trim(v.applicant.phone) ? { phone: trim(v.applicant.phone) } : {}),
      },
      ...(showBeneficiary && v.beneficiary
        ? { beneficiary: { nik: trim(v.beneficiary.nik), name: trim(v.beneficiary.name), birthDate: v.beneficiary.birthDate, sex: v.beneficiary.sex } }
        : {}),
      ...(v.targetGroup ? { targetGroup: v.targetGroup } : {}),
      documents,
    };
    try {
      const result = await api.post<ApplicationRegistered>('/applications', body);
      setOutcome({ result, standard });
    } catch (e) {
      // each field error under its field; the others (and the message) above the button
      const placed = new Map<string, string[]>();
      const unplaced: string[] = [];
      if (e instanceof ApiError) {
        for (const d of e.details) {
          const path = String(d.path ?? '').replace(/\[(\d+)\]/g, '.$1');
          const target = FIELD_PATHS.includes(path) ? path : path.startsWith('documents') ? 'documents' : null;
          if (target && target !== 'documents') placed.set(target, [...(placed.get(target) ?? []), d.message]);
          else unplaced.push(d.path ? `${d.path}: ${d.message}` : d.message);
        }
      }
      form.setFields([...placed].map(([path, errors]) => ({ name: path.split('.') as never, errors })));
      setError({ text: apiErrorText(e, t), unplaced });
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    return (
      <FilingOutcome
        outcome={outcome}
        onAnother={() => {
          setOutcome(null);
          form.resetFields();
        }}
      />
    );
  }

  const sexOptions = [
    { value: 'M', label: t('sex.M') },
    { value: 'F', label: t('sex.F') },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('filing.title')}
        </Typography.Title>
        <Link to="/intake/applications">
          <Button icon={<UnorderedListOutlined aria-hidden />}>{t('nav.intake.queue')}</Button>
        </Link>
      </div>
      <Form<FilingForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ agencyCode: user?.agencyCode, channel: 'FRONT_OFFICE', documents: {} }}
        onValuesChange={(changed: Partial<FilingForm>) => {
          if ('agencyCode' in changed) form.setFieldsValue({ serviceCode: undefined, documents: {}, targetGroup: undefined });
          if ('serviceCode' in changed) form.setFieldsValue({ documents: {}, targetGroup: undefined });
        }}
      >
        <Card title={t('filing.service')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="agencyCode" label={t('filing.agency')} rules={[{ required: true, message: t('filing.agencyRequired') }]}>
                <Select options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="serviceCode" label={t('filing.serviceCode')} rules={[{ required: true, message: t('filing.serviceRequired') }]}>
                <Select
                  loading={services.loading}
                  placeholder={t('filing.servicePlaceholder')}
                  notFoundContent={services.error ? apiErrorText(services.error, t) : t('filing.noServices')}
                  options={active.map((s) => ({ value: s.code, label: `${loc(s.name, lang)} (${s.code})` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="channel" label={t('filing.channel')}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))} />
              </Form.Item>
            </Col>
          </Row>
          {standard && standard.targetGroups.length > 0 && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="targetGroup"
                  label={t('filing.targetGroup')}
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
                    <Checkbox.Group options={r.documentTypes.map((d) => ({ value: d, label: documentLabel(d, t) }))} />
                  </Form.Item>
                </div>
              ))}
            </Card>

            <Card title={t('filing.applicant')} style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['applicant', 'nik']}
                    label={t('filing.nik')}
                    extra={t('filing.nikHelp')}
                    rules={[
                      { required: true, message: t('filing.nikRequired') },
                      { pattern: NIK, message: t('filing.nikFormat') },
                    ]}
                  >
                    <Input inputMode="numeric" maxLength={16} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['applicant', 'kkNumber']}
                    label={t('filing.kk')}
                    rules={[
                      { required: true, message: t('filing.kkRequired') },
                      { pattern: NIK, message: t('filing.kkFormat') },
                    ]}
                  >
                    <Input inputMode="numeric" maxLength={16} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['applicant', 'name']} label={t('filing.name')} rules={[{ required: true, whitespace: true, message: t('filing.nameRequired') }]}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['applicant', 'birthDate']} label={t('filing.birthDate')} rules={[{ required: true, message: t('filing.birthDateRequired') }]}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['applicant', 'sex']} label={t('filing.sex')} rules={[{ required: true, message: t('filing.sexRequired') }]}>
                    <Radio.Group options={sexOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['applicant', 'phone']} label={t('filing.phone')} rules={[{ pattern: /^\+?[0-9 -]{6,20}$/, message: t('filing.phoneFormat') }]}>
                    <Input inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name={['applicant', 'address']} label={t('filing.address')} rules={[{ required: true, whitespace: true, message: t('filing.addressRequired') }]}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['applicant', 'villageCode']}
                    label={t('filing.villageCode')}
                    extra={t('filing.villageCodeHelp')}
                    rules={[
                      { required: true, message: t('filing.villageCodeRequired') },
                      { pattern: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, message: t('filing.villageCodeFormat') },
                    ]}
                  >
                    <Input placeholder="33.04.01.2001" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>


            <Card
              title={t('filing.beneficiary')}
              style={{ marginBottom: 16 }}
              extra={!needsBeneficiary && (
                <Form.Item name="hasBeneficiary" valuePropName="checked" noStyle>
                  <Checkbox>{t('filing.hasBeneficiary')}</Checkbox>
                </Form.Item>
              )}
            >
              {needsBeneficiary && <Typography.Paragraph type="secondary">{t('filing.beneficiaryRequired', { age: standard.beneficiary.ageUnder ?? '—' })}</Typography.Paragraph>}
              {!showBeneficiary && <Typography.Text type="secondary">{t('filing.noBeneficiary')}</Typography.Text>}
              {showBeneficiary && (
                <Row gutter={16}>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={['beneficiary', 'nik']}
                      label={t('filing.beneficiaryNik')}
                      rules={[
                        { required: true, message: t('filing.nikRequired') },
                        { pattern: NIK, message: t('filing.nikFormat') },
                      ]}
                    >
                      <Input inputMode="numeric" maxLength={16} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={['beneficiary', 'name']} label={t('filing.beneficiaryName')} rules={[{ required: true, whitespace: true, message: t('filing.nameRequired') }]}>
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={['beneficiary', 'birthDate']} label={t('filing.beneficiaryBirthDate')} rules={[{ required: true, message: t('filing.birthDateRequired') }]}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={['beneficiary', 'sex']} label={t('filing.beneficiarySex')} rules={[{ required: true, message: t('filing.sexRequired') }]}>
                      <Radio.Group options={sexOptions} />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>
          </>
        )}

        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="filing-error"
            style={{ marginBottom: 16 }}
            title={error.text}
            description={error.unplaced.length ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{error.unplaced.map((u) => <li key={u}>{u}</li>)}</ul> : undefined}
          />
        )}
        <Button type="primary" size="large" htmlType="submit" icon={<FileAddOutlined aria-hidden />} loading={busy} disabled={!standard}>
          {t('filing.submit')}
        </Button>
      </Form>
    </Space>
  );
}

function FilingOutcome({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  const { t, lang, locale } = useI18n();
  const { result, standard } = outcome;
  const returned = result.status === 'RETURNED';
  const statusName = standard.lifecycle.statuses.find((s) => s.code === result.status)?.name;
  const requirementName = (code: string) => {
    const r = standard.requirements.find((x) => x.code === code);
    return r ? loc(r.name, lang) : code;
  };
  const actions = [
    <Link key="open" to={`/intake/applications/${encodeURIComponent(result.applicationId)}`}>
      <Button type="primary">{t('filing.openApplication')}</Button>
    </Link>,
    result.ticketNumber ? (
      <Link key="status" to={`/status/${encodeURIComponent(result.ticketNumber)}`}>
        <Button icon={<SearchOutlined aria-hidden />}>{t('filing.publicStatus')}</Button>
      </Link>
    ) : null,
    <Button key="another" icon={<PlusOutlined aria-hidden />} onClick={onAnother}>
      {t('filing.another')}
    </Button>,
  ];
  return (
    <Card data-testid="filing-outcome">
      <Result
        status={returned ? 'warning' : 'success'}
        title={returned ? t('filing.returnedTitle') : t('filing.registeredTitle')}
        subTitle={
          <Space orientation="vertical" size={4}>
            <Tag color={statusColor(result.status)} data-testid="filing-status">
              {loc(statusName, lang, result.status)}
            </Tag>
            {result.ticketNumber && (
              <span>
                {t('filing.ticket')}:{' '}
                <Typography.Text className="sigap-ticket" copyable data-testid="ticket-number">
                  {result.ticketNumber}
                </Typography.Text>
              </span>
            )}
            {result.dueAt && <span data-testid="filing-due">{t('filing.dueAt', { time: formatDateTime(result.dueAt, locale), deadline: loc(standard.deadlineLabel, lang) })}</span>}
            {returned && <span>{t('filing.returnedText')}</span>}
          </Space>
        }
        extra={actions}
      >
        {returned && (
          <div data-testid="missing-requirements">
            <Typography.Title level={5}>{t('filing.missing')}</Typography.Title>
            <ul>
              {result.missingRequirements.map((code) => (
                <li key={code}>
                  {requirementName(code)} <Typography.Text type="secondary">({code})</Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Result>
    </Card>
  );
}
