import { useState } from 'react';
import { App, Checkbox, Descriptions, Input, Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { prettyJson } from '../../../shared/format';
import { adminApi, type RejectedMessage } from '../api';
import { REPLAY_FIELDS } from '../labels';
import { MessageErrors } from './MessageErrors';

/** Sends a rejected message again: as it was, or with a payload the administrator corrected. */
export function ReplayDialog({ message: m, onClose, onDone }: { message: RejectedMessage; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [edit, setEdit] = useState(false);
  const [text, setText] = useState(() => prettyJson(m.payload));

  let parseError: string | null = null;
  let parsed: unknown;
  if (edit) {
    try {
      parsed = JSON.parse(text);
      // the gateway replays an object only (ReplayRejectedRequest: @IsObject)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) parseError = t('rejected.payloadNotObject');
    } catch (e) {
      parseError = t('rejected.invalidJson', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  const submit = useSubmit(() => adminApi.replay(m.id, edit ? parsed : undefined), {
    fields: REPLAY_FIELDS,
    onDone: () => {
      message.success(t('rejected.replayed', { subject: m.subject ?? m.id }));
      onDone();
    },
  });

  return (
    <FormDialog
      width={720}
      title={t('rejected.replayTitle')}
      okText={t('rejected.replay')}
      submit={submit}
      onClose={onClose}
      okButtonProps={{ disabled: !!parseError }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'subject', label: t('rejected.subject'), children: <Typography.Text code>{m.subject ?? '—'}</Typography.Text> },
            { key: 'eventId', label: t('rejected.eventId'), children: m.eventId ?? '—' },
            { key: 'errors', label: t('rejected.errors'), children: <MessageErrors errors={m.errors} /> },
          ]}
        />
        <Checkbox checked={edit} onChange={(e) => setEdit(e.target.checked)}>
          {t('rejected.editPayload')}
        </Checkbox>
        {edit ? (
          <>
            <Input.TextArea
              className="sigap-mono"
              aria-label={t('rejected.payload')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 8, maxRows: 20 }}
              spellCheck={false}
              status={parseError ? 'error' : undefined}
            />
            {parseError && <Typography.Text type="danger">{parseError}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('rejected.replayAsIs')}</Typography.Text>
        )}
      </Space>
    </FormDialog>
  );
}
