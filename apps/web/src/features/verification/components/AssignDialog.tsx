import type { FieldTaskView } from '@contracts';
import { App, Form, Select } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { verificationApi } from '../api';
import { ASSIGN_FIELDS, STAGE_LABEL } from '../labels';

/** Gives a field task to an officer picked from the agency's active verifiers (the gateway checks again). */
export function AssignDialog({ task, onClose, onDone }: { task: FieldTaskView; onClose: () => void; onDone: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ assignee: string }>();
  const verifiers = useLoad((signal) => verificationApi.verifiers(signal), []);
  const submit = useSubmit((v: { assignee: string }) => verificationApi.assign(task.taskId, v.assignee), {
    form,
    fields: ASSIGN_FIELDS,
    onDone: (_, v) => {
      const who = verifiers.data?.find((u) => u.username === v.assignee);
      message.success(t('task.assigned', { officer: who ? `${who.displayName} (${who.username})` : v.assignee }));
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
      initialValues={{ assignee: task.assignee ?? undefined }}
    >
      <Form.Item
        name="assignee"
        label={t('task.officerPick')}
        extra={verifiers.error ? errorText(verifiers.error) : t('task.officerHelp')}
        rules={[{ required: true, message: t('task.officerRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={verifiers.loading}
          placeholder={t('task.pickOfficer')}
          notFoundContent={verifiers.loading ? undefined : t('task.noVerifiers')}
          options={(verifiers.data ?? []).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))}
        />
      </Form.Item>
    </FormDialog>
  );
}
