import { useState } from 'react';
import type { FieldTaskView } from '@contracts';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space, Upload, type UploadFile } from 'antd';
import { AimOutlined, CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { useDraft } from '../../../shared/forms/useDraft';
import { formatDateTime } from '../../../shared/format';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { verificationApi } from '../api';
import { RECOMMENDATION_LABEL, STAGE_LABEL, VISIT_FIELDS } from '../labels';

interface VisitForm {
  findings: string;
  recommendation: 'ELIGIBLE' | 'NOT_ELIGIBLE';
  visitedAt: Dayjs;
  latitude?: number;
  longitude?: number;
  attachments?: string;
  publicReason?: string;
}

/** The gateway's limit for one visit file. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A stored visit file, as the upload route answers. */
interface StoredFile {
  ref: string;
  name?: string;
}

/** What the officer found at the address: a recommendation, the findings, when and where, attachments. */
export function VisitDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<VisitForm>();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  // the findings typed at the door survive a closed dialog or an expired session
  const draft = useDraft(form, `visit.${task.taskId}`, { omit: ['visitedAt'] });
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);

  /** the phone's position (GPS or network), rounded to 5 decimals (about a metre); typing stays possible */
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocationError(t('visit.locationFailed', { reason: t('visit.locationUnavailable') }));
      return;
    }
    setLocating(true);
    setLocationError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        form.setFieldsValue({ latitude: Number(pos.coords.latitude.toFixed(5)), longitude: Number(pos.coords.longitude.toFixed(5)) });
      },
      (err) => {
        setLocating(false);
        const reason = err.code === err.PERMISSION_DENIED ? t('visit.locationDenied') : t('visit.locationUnavailable');
        setLocationError(t('visit.locationFailed', { reason }));
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  };

  /**
   * Each picked file goes at once to `POST /verification/tasks/{taskId}/attachments` (multipart),
   * which stores it in the Object Store and answers its reference; the visit names it on saving.
   * A refused file (too large, not a photo or PDF) is marked in the list with the reason.
   */
  const uploadRequest = ({
    file,
    onProgress,
    onSuccess,
    onError,
  }: Parameters<NonNullable<Parameters<typeof Upload>[0]['customRequest']>>[0]) => {
    const f = file as File;
    const up = verificationApi.uploadVisitFile(task.taskId, f, (fraction) => onProgress?.({ percent: Math.round(fraction * 100) }));
    up.done.then(
      (stored) => onSuccess?.(stored),
      (e: unknown) => {
        const reason = t('visit.uploadFailed', { name: f.name, reason: errorText(e) });
        message.error(reason);
        onError?.(new Error(reason));
      },
    );
    return { abort: up.abort };
  };

  const submit = useSubmit(
    (v: VisitForm) =>
      verificationApi.recordVisit(task.taskId, {
        findings: v.findings.trim(),
        recommendation: v.recommendation,
        visitedAt: v.visitedAt.toISOString(),
        ...(typeof v.latitude === 'number' ? { latitude: v.latitude } : {}),
        ...(typeof v.longitude === 'number' ? { longitude: v.longitude } : {}),
        attachments: [
          ...files.flatMap((f) =>
            f.status === 'done' && f.response?.ref ? [{ ref: f.response.ref, name: f.response.name ?? f.name }] : [],
          ),
          ...(v.attachments ?? '')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
            .map((ref) => ({ ref })),
        ],
        ...(v.recommendation === 'NOT_ELIGIBLE' && v.publicReason?.trim() ? { publicReason: v.publicReason.trim() } : {}),
      }),
    {
      form,
      fields: VISIT_FIELDS,
      onDone: () => {
        draft.clear();
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
      initialValues={{ visitedAt: dayjs() }}
      onValuesChange={draft.onValuesChange}
      notice={
        draft.restoredAt && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('draft.restored', { time: formatDateTime(draft.restoredAt, locale) })}
            action={
              <Button size="small" onClick={draft.discard}>
                {t('draft.discard')}
              </Button>
            }
          />
        )
      }
      okButtonProps={{
        disabled: files.some((f) => f.status === 'uploading'),
        title: files.some((f) => f.status === 'uploading') ? t('visit.uploading') : undefined,
      }}
    >
      <Form.Item
        name="recommendation"
        label={t('visit.recommendation')}
        rules={[{ required: true, message: t('visit.recommendationRequired') }]}
      >
        <Radio.Group options={valuesOf(RECOMMENDATION_LABEL).map((r) => ({ value: r, label: label(RECOMMENDATION_LABEL, r) }))} />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('visit.findings')}
        rules={[{ required: true, whitespace: true, message: t('visit.findingsRequired') }]}
      >
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
      <Form.Item name="visitedAt" label={t('visit.visitedAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="DD-MM-YYYY HH:mm" style={{ width: '100%' }} inputReadOnly allowClear={false} />
      </Form.Item>
      <Row gutter={12} align="bottom">
        <Col xs={12} sm={8}>
          <Form.Item name="latitude" label={t('visit.latitude')}>
            <InputNumber min={-90} max={90} step={0.00001} precision={5} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="longitude" label={t('visit.longitude')}>
            <InputNumber min={-180} max={180} step={0.00001} precision={5} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label=" " colon={false}>
            <Button icon={<AimOutlined aria-hidden />} loading={locating} onClick={locate} block>
              {locating ? t('visit.locating') : t('visit.useLocation')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
      {locationError && <Alert type="warning" showIcon title={locationError} style={{ marginBottom: 12 }} data-testid="location-error" />}
      <Form.Item label={t('visit.files')} extra={t('visit.filesHelp')}>
        <Space wrap>
          {/* the camera (capture) and the file picker are two buttons: a phone opens the one asked for */}
          <Upload
            accept="image/*"
            capture="environment"
            multiple={false}
            showUploadList={false}
            fileList={files}
            beforeUpload={(f) =>
              f.size > MAX_FILE_BYTES ? (message.error(t('visit.fileTooBig', { name: f.name })), Upload.LIST_IGNORE) : true
            }
            customRequest={uploadRequest}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<CameraOutlined aria-hidden />}>{t('visit.takePhoto')}</Button>
          </Upload>
          <Upload
            accept="image/jpeg,image/png,application/pdf"
            multiple
            showUploadList={false}
            fileList={files}
            beforeUpload={(f) =>
              f.size > MAX_FILE_BYTES ? (message.error(t('visit.fileTooBig', { name: f.name })), Upload.LIST_IGNORE) : true
            }
            customRequest={uploadRequest}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<PaperClipOutlined aria-hidden />}>{t('visit.pickFile')}</Button>
          </Upload>
        </Space>
        <Upload
          fileList={files}
          onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
          showUploadList={{ showPreviewIcon: false }}
        />
      </Form.Item>
      <Form.Item name="attachments" label={t('visit.attachments')} extra={t('visit.attachmentsHelp')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
