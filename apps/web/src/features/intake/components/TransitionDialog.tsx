import type { ApplicationView, NextTransitionView } from '@contracts';
import { App, Form, Input } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { intakeApi } from '../api';
import { TRANSITION_FIELDS } from '../labels';

interface Values {
  reason?: string;
  publicReason?: string;
}

/** Moves an application to one of its next statuses, with a reason for the record and, optionally, a note for the citizen. */
export function TransitionDialog({
  application,
  transition,
  onClose,
  onDone,
}: {
  application: ApplicationView;
  transition: NextTransitionView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const name = loc(transition.name, lang, transition.to);
  const submit = useSubmit(
    (v: Values) =>
      intakeApi.transition(application.applicationId, {
        to: transition.to,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        ...(v.publicReason?.trim() ? { publicReason: v.publicReason.trim() } : {}),
      }),
    {
      form,
      fields: TRANSITION_FIELDS,
      onDone: () => {
        message.success(t('application.moved', { status: name }));
        onDone();
      },
    },
  );

  return (
    <FormDialog
      title={t('application.moveTitle', { status: name })}
      okText={t('application.moveConfirm')}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={t('application.reason')}
        extra={t('application.reasonHelp')}
        rules={transition.reasonRequired ? [{ required: true, whitespace: true, message: t('application.reasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="publicReason" label={t('application.publicReason')} extra={t('application.publicReasonHelp')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
