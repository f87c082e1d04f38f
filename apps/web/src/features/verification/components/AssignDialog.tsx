import type { FieldTaskView } from '@contracts';
import { App, Form, Input } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { verificationApi } from '../api';
import { ASSIGN_FIELDS, STAGE_LABEL } from '../labels';

/** Gives a field task to an officer (an active verifier of the agency; the gateway checks). */
export function AssignDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<{ assignee: string }>();
  const submit = useSubmit((v: { assignee: string }) => verificationApi.assign(task.taskId, v.assignee.trim()), {
    form,
    fields: ASSIGN_FIELDS,
    onDone: (_, v) => {
      message.success(t('task.assigned', { officer: v.assignee.trim() }));
      onDone();
    },
  });
  return (
    <FormDialog
      title={t('task.assignTitle', { stage: label(STAGE_LABEL, task.stage) })}
      okText={t('task.assign')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ assignee: task.assignee ?? (user?.roles.includes('VERIFIER') ? user.username : '') }}
    >
      <Form.Item
        name="assignee"
        label={t('task.officer')}
        extra={t('task.officerHelp')}
        rules={[{ required: true, whitespace: true, message: t('task.officerRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
