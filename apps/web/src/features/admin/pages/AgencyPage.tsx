// The agency's contact data (issue 11): address, phone, e-mail and office hours, which the public
// status page and the receipt show so that a citizen knows whom to contact. The agency's own
// admin changes it; a province's admin reads its regencies'.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSession } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/components/PageHeader';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import { adminApi } from '../api';
import { AGENCY_FIELDS } from '../labels';

interface Values {
  address: string;
  phone: string;
  email?: string;
  officeHours: string;
}

export default function AgencyPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const [form] = Form.useForm<Values>();
  const contact = useLoad((signal) => (agencyCode ? adminApi.agencyContact(agencyCode, signal) : Promise.resolve(null)), [agencyCode]);
  const own = agencyCode === user?.agencyCode;

  useEffect(() => {
    const c = contact.data;
    form.setFieldsValue({ address: c?.address ?? '', phone: c?.phone ?? '', email: c?.email ?? '', officeHours: c?.officeHours ?? '' });
  }, [contact.data, form]);

  const submit = useSubmit(
    (v: Values) =>
      adminApi.setAgencyContact(agencyCode, {
        address: v.address.trim(),
        phone: v.phone.trim(),
        officeHours: v.officeHours.trim(),
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
      }),
    {
      form,
      fields: AGENCY_FIELDS,
      onDone: () => {
        message.success(t('agency.saved'));
        contact.reload();
      },
    },
  );
  const required = [{ required: true, whitespace: true, message: t('agency.required') }];
  // the form only once the stored data is in: filled earlier, it would be overwritten when the answer comes
  const loaded = contact.updatedAt !== null || !!contact.error;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('agency.title')} onRefresh={contact.reload} />
      <Card style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary">{t('agency.help')}</Typography.Paragraph>
        {agencies.length > 1 && (
          <Form layout="vertical">
            <Form.Item label={t('agency.agency')}>
              <Select value={agencyCode} onChange={setAgencyCode} options={agencies.map(agencyOption)} />
            </Form.Item>
          </Form>
        )}
        {!own && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('agency.readOnly')} />}
        {!loaded && <Skeleton active />}
        <Form<Values> form={form} layout="vertical" onFinish={submit.run} disabled={!own} hidden={!loaded}>
          <Form.Item name="address" label={t('agency.address')} rules={required}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="phone" label={t('agency.phone')} rules={required}>
            <Input inputMode="tel" maxLength={30} />
          </Form.Item>
          <Form.Item name="email" label={t('agency.email')}>
            <Input inputMode="email" maxLength={200} />
          </Form.Item>
          <Form.Item name="officeHours" label={t('agency.hours')} rules={required}>
            <Input placeholder={t('agency.hoursPlaceholder')} maxLength={300} />
          </Form.Item>
          <ErrorAlert error={submit.error} fields={AGENCY_FIELDS} style={{ marginBottom: 16 }} />
          {own && (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={submit.busy}>
              {t('action.save')}
            </Button>
          )}
        </Form>
        {loaded && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="agency-updated">
            {contact.data
              ? t('agency.updated', { who: contact.data.updatedBy, at: formatDateTime(contact.data.updatedAt, locale) })
              : t('agency.never')}
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
