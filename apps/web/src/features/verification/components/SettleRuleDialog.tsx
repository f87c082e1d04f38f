import type { RuleResultView } from '@contracts';
import { App, Form, Input, Radio, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { verificationApi } from '../api';
import { RULE_LABEL, RULE_OUTCOME_LABEL, SETTLE_FIELDS } from '../labels';

type Settlement = { outcome: 'PASSED' | 'FAILED'; reason: string };

/** A verifier settles a rule that needs review, passed or failed, with a reason; the case then proceeds to its decision. */
export function SettleRuleDialog({
  caseId,
  rule,
  onClose,
  onDone,
}: {
  caseId: string;
  rule: RuleResultView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settlement>();
  const name = label(RULE_LABEL, rule.rule);
  const submit = useSubmit(
    (v: Settlement) => verificationApi.settleRule(caseId, rule.rule, { outcome: v.outcome, reason: v.reason.trim() }),
    {
      form,
      fields: SETTLE_FIELDS,
      onDone: () => {
        message.success(t('cases.settled', { rule: name }));
        onDone();
      },
    },
  );
  return (
    <FormDialog
      title={t('cases.settleTitle', { rule: name })}
      okText={t('cases.settleSave')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ outcome: 'PASSED' }}
    >
      <Typography.Paragraph type="secondary">{t('cases.settleHelp')}</Typography.Paragraph>
      <Typography.Paragraph>{rule.message}</Typography.Paragraph>
      <Form.Item name="outcome" label={t('cases.settleOutcome')} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio value="PASSED">{label(RULE_OUTCOME_LABEL, 'PASSED')}</Radio>
          <Radio value="FAILED">{label(RULE_OUTCOME_LABEL, 'FAILED')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('cases.settleReason')}
        rules={[{ required: true, whitespace: true, message: t('cases.settleReasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
