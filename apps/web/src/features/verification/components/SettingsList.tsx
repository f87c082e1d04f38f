import type { ReactNode } from 'react';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n, type LabelMap, type Translate } from '../../../shared/i18n/I18n';
import { SETTING_LABEL, STAGE_LABEL } from '../labels';
import {
  BOOLEAN_SETTINGS,
  SETTING_KEYS,
  has,
  type BooleanSetting,
  type EligibilitySettings,
  type SettingKey,
  type TargetGroupRule,
} from '../settings';

/** A target group's sex, in the words of a condition ("perempuan"). */
const GROUP_SEX_LABEL: LabelMap<'M' | 'F'> = { M: 'rules.sex.M', F: 'rules.sex.F' };

function ageText(n: number | null | undefined, t: Translate): string {
  return typeof n === 'number' ? t('rules.age.years', { n }) : t('rules.age.noLimit');
}

function groupText(code: string, g: TargetGroupRule, t: Translate): string {
  const parts = [
    g.sex ? t(GROUP_SEX_LABEL[g.sex]) : null,
    typeof g.minAge === 'number' ? t('rules.minAge', { n: g.minAge }) : null,
    typeof g.ageUnder === 'number' ? t('rules.ageUnder', { n: g.ageUnder }) : null,
  ].filter(Boolean);
  return `${code} (${parts.length ? parts.join(', ') : t('rules.group.any')})`;
}

/** One setting in plain words. */
function settingText(s: EligibilitySettings, k: SettingKey, t: Translate): ReactNode {
  if ((BOOLEAN_SETTINGS as readonly SettingKey[]).includes(k)) return s[k as BooleanSetting] ? t('rules.yes') : t('rules.no');
  switch (k) {
    case 'sktmDocument':
      return s.sktmDocument ? <Typography.Text code>{s.sktmDocument}</Typography.Text> : '—';
    case 'maxDecile':
      return typeof s.maxDecile === 'number' ? t('rules.decile.n', { n: s.maxDecile }) : t('rules.decile.any');
    case 'beneficiaryAgeUnder':
      return ageText(s.beneficiaryAgeUnder, t);
    case 'targetGroupAgeUnder': {
      const e = Object.entries(s.targetGroupAgeUnder ?? {});
      return e.length ? e.map(([code, n]) => `${code}: ${t('rules.ageUnder', { n })}`).join('; ') : t('rules.none.value');
    }
    case 'targetGroups': {
      const e = Object.entries(s.targetGroups ?? {});
      return s.targetGroups ? (
        <Space orientation="vertical" size={0}>
          {e.map(([code, g]) => (
            <span key={code}>{groupText(code, g, t)}</span>
          ))}
        </Space>
      ) : (
        t('rules.groups.open')
      );
    }
    case 'notInPrograms':
      return s.notInPrograms?.length ? (
        <Space size={[4, 4]} wrap>
          {s.notInPrograms.map((p) => (
            <Tag key={p}>{p}</Tag>
          ))}
        </Space>
      ) : (
        t('rules.none.value')
      );
    case 'fieldStages':
      return s.fieldStages?.length ? s.fieldStages.map((st, i) => `${i + 1}. ${t(STAGE_LABEL[st])}`).join(' → ') : t('rules.stages.none');
    default:
      return '—';
  }
}

/** Each setting the service has, in plain words. */
export function SettingsList({ settings }: { settings: EligibilitySettings }) {
  const { t } = useI18n();
  return (
    <div data-testid="rules-settings">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={SETTING_KEYS.filter((k) => has(settings, k)).map((k) => ({
          key: k,
          label: t(SETTING_LABEL[k]),
          children: settingText(settings, k, t),
        }))}
      />
    </div>
  );
}
