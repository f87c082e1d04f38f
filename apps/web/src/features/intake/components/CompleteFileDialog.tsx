import type { ApplicationView, StandardView } from '@contracts';
import { App, Checkbox, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { intakeApi } from '../api';
import { DOCUMENT_LABEL } from '../labels';

interface Values {
  documents?: string[];
  note?: string;
}

/**
 * A returned file completed (issue 11): the officer ticks what the applicant brings now, for each
 * missing requirement; everything else on file stays as filed. Intake registers it (ticket,
 * deadline from now), or answers what is still missing, shown under the documents.
 */
export function CompleteFileDialog({
  application,
  standard,
  onClose,
  onDone,
}: {
  application: ApplicationView;
  standard: StandardView | null;
  onClose: () => void;
  onDone: (a: ApplicationView) => void;
}) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(
    (v: Values) =>
      intakeApi.complete(application.applicationId, {
        documents: (v.documents ?? []).map((type) => ({ type })),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    {
      form,
      fields: { documents: 'paper.stillMissing', note: 'paper.completeNote' },
      onDone: (a) => {
        message.success(t('paper.completeDone', { ticket: a.ticketNumber ?? '—' }));
        onDone(a);
      },
    },
  );
  const missing = application.missingRequirements.map(
    (code) => standard?.requirements.find((r) => r.code === code) ?? { code, name: null, documentTypes: [] },
  );
  return (
    <FormDialog
      title={t('paper.completeTitle')}
      okText={t('paper.completeSubmit')}
      form={form}
      submit={submit}
      onClose={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('paper.completeHelp')}</Typography.Paragraph>
      <Form.Item name="documents" rules={[{ required: true, type: 'array', min: 1, message: t('paper.completeNone') }]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {missing.map((r) => (
            <div key={r.code} data-testid={`complete-${r.code}`}>
              <Typography.Text strong>{loc(r.name ?? undefined, lang, r.code)}</Typography.Text>
              <div>
                {r.documentTypes.map((d) => (
                  <Checkbox key={d} value={d}>
                    {label(DOCUMENT_LABEL, d)}
                  </Checkbox>
                ))}
              </div>
            </div>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="note" label={t('paper.completeNote')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
