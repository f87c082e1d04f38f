import type { PublicStatusView } from '@contracts';
import { Card, Descriptions, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { statusApi } from '../api';

/** What happens next (from the standard's procedure) and whom to contact (the agency's data, issue 11). */
export function NextStepAndContact({ view }: { view: PublicStatusView }) {
  const { t, lang } = useI18n();
  const std = useLoad(
    (signal) => statusApi.standard(view.agency.code, view.service.code, signal).catch(() => null),
    [view.agency.code, view.service.code],
  );
  const standard = std.data ?? null;
  // the step after the last one that leads to a status the application went through
  let next: string | null = null;
  if (standard) {
    const reached = new Set(view.timeline.map((e) => e.status));
    let last = -1;
    standard.procedure.forEach((s, i) => {
      if (s.status && reached.has(s.status)) last = i;
    });
    const step = last >= 0 ? standard.procedure[last + 1] : undefined;
    next = step ? loc(step.text, lang) : null;
  }
  const c = view.contact;
  return (
    <Card style={{ marginTop: 16 }} data-testid="status-next-contact">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('status.next.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="status-next">
        {view.closed ? t('status.next.closed') : (next ?? t('status.next.unknown'))}
      </Typography.Paragraph>
      <Typography.Title level={4}>
        {t('status.contact.title')}: {view.agency.name}
      </Typography.Title>
      {c ? (
        <Descriptions column={1} size="small" bordered data-testid="status-contact">
          <Descriptions.Item label={t('status.contact.address')}>{c.address}</Descriptions.Item>
          <Descriptions.Item label={t('status.contact.phone')}>
            <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a>
          </Descriptions.Item>
          {c.email && (
            <Descriptions.Item label={t('status.contact.email')}>
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('status.contact.hours')}>{c.officeHours}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph data-testid="status-contact-none">
          {t('status.contact.none', { agency: view.agency.name })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('status.contact.bring')}
      </Typography.Paragraph>
    </Card>
  );
}
