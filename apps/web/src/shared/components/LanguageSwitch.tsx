import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18n';
import { LANGS, type Lang } from '../i18n/texts';

/** ID | EN, remembered in localStorage. */
export default function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      value={lang}
      onChange={(v) => setLang(v)}
      options={LANGS.map((l) => ({ value: l, label: <span title={t(`lang.${l}`)}>{l.toUpperCase()}</span> }))}
    />
  );
}
