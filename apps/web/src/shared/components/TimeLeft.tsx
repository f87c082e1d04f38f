// Time left until an application's due time, as the queue, the application's page and the
// citizen's status page show it: "Sisa 2 hari 3 jam" / "Terlambat 5 jam", in red once overdue.
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18n';
import { formatDuration, formatNumber } from '../format';
import type { TimeLeftView } from '@contracts';

/** under this, a running deadline is "due soon" (intake's own window: 24 hours) */
export const DUE_SOON_MS = 24 * 3600 * 1000;

export function useTimeLeftText() {
  const { t, locale } = useI18n();
  const units = { d: t('unit.day'), h: t('unit.hour'), m: t('unit.minute'), s: t('unit.second') };
  return (left: TimeLeftView) => {
    const span = formatDuration(Math.abs(left.milliseconds) / 1000, units);
    const main = left.milliseconds < 0 ? t('time.overdue', { time: span }) : t('time.left', { time: span });
    const wd = t('time.workingDays', { days: formatNumber(Math.abs(left.workingDays), locale) });
    return { main, workingDays: wd };
  };
}

export default function TimeLeft({ timeLeft, open, overdue }: { timeLeft: TimeLeftView | null; open: boolean; overdue: boolean }) {
  const { t } = useI18n();
  const text = useTimeLeftText();
  if (!open || !timeLeft) {
    return (
      <Tag icon={<CheckCircleOutlined aria-hidden />} color="default" data-testid="time-left">
        {t('time.stopped')}
      </Tag>
    );
  }
  const { main, workingDays } = text(timeLeft);
  const late = overdue || timeLeft.milliseconds < 0;
  const soon = !late && timeLeft.milliseconds < DUE_SOON_MS;
  return (
    <Tooltip title={workingDays}>
      <Tag
        icon={late ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
        color={late ? 'error' : soon ? 'warning' : 'success'}
        data-testid="time-left"
        data-overdue={late ? 'true' : 'false'}
      >
        {main}
      </Tag>
    </Tooltip>
  );
}
