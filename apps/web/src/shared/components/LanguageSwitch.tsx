import { Segmented } from 'antd';
import { useI18n, type LabelMap } from '../i18n/I18n';
import { LANGS, type Lang } from '../i18n/texts';

const LANG_LABEL: LabelMap<Lang> = { id: 'lang.id', en: 'lang.en' };

/** ID | EN, remembered in localStorage. */
export default function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      value={lang}
      onChange={(v) => setLang(v)}
      options={LANGS.map((l) => ({ value: l, label: <span title={t(LANG_LABEL[l])}>{l.toUpperCase()}</span> }))}
    />
  );
}
