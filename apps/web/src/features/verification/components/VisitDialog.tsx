import type { FieldTaskView } from '@contracts';
import { App, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { verificationApi } from '../api';
import { RECOMMENDATION_LABEL, STAGE_LABEL, VISIT_FIELDS } from '../labels';

interface VisitForm {
  findings: string;
  recommendation: 'ELIGIBLE' | 'NOT_ELIGIBLE';
  visitedAt: string;
  latitude?: number;
  longitude?: number;
  attachments?: string;
  publicReason?: string;
}

/** `datetime-local` value of now, in the browser's time zone */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** What the officer found at the address: a recommendation, the findings, when and where, attachments. */
export function VisitDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitForm>();
  const submit = useSubmit(
    (v: VisitForm) =>
      verificationApi.recordVisit(task.taskId, {
        findings: v.findings.trim(),
        recommendation: v.recommendation,
        visitedAt: new Date(v.visitedAt).toISOString(),
        ...(typeof v.latitude === 'number' ? { latitude: v.latitude } : {}),
        ...(typeof v.longitude === 'number' ? { longitude: v.longitude } : {}),
        attachments: (v.attachments ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((ref) => ({ ref })),
        ...(v.recommendation === 'NOT_ELIGIBLE' && v.publicReason?.trim() ? { publicReason: v.publicReason.trim() } : {}),
      }),
    {
      form,
      fields: VISIT_FIELDS,
      onDone: () => {
        message.success(t('visit.recorded'));
        onDone();
      },
    },
  );
  return (
    <FormDialog
      width={640}
      title={t('visit.title', { stage: label(STAGE_LABEL, task.stage) })}
      okText={t('visit.save')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ visitedAt: localNow() }}
    >
      <Form.Item name="recommendation" label={t('visit.recommendation')} rules={[{ required: true, message: t('visit.recommendationRequired') }]}>
        <Radio.Group options={valuesOf(RECOMMENDATION_LABEL).map((r) => ({ value: r, label: label(RECOMMENDATION_LABEL, r) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('visit.findings')} rules={[{ required: true, whitespace: true, message: t('visit.findingsRequired') }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.recommendation !== b.recommendation}>
        {() =>
          form.getFieldValue('recommendation') === 'NOT_ELIGIBLE' && (
            <Form.Item name="publicReason" label={t('visit.publicReason')} extra={t('visit.publicReasonHelp')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="visitedAt" label={t('visit.visitedAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="latitude" label={t('visit.latitude')}>
            <InputNumber min={-90} max={90} step={0.00001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="longitude" label={t('visit.longitude')}>
            <InputNumber min={-180} max={180} step={0.00001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="attachments" label={t('visit.attachments')} extra={t('visit.attachmentsHelp')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
