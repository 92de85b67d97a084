import { Button } from '@mantine/core';
import { setLanguage, useLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, language } = useLanguage();
  const other = language === 'th' ? 'en' : 'th';
  return (
    <Button variant="subtle" size="compact-sm" aria-label={t('lang.label')} lang={other} onClick={() => setLanguage(other)}>
      {t('lang.switchTo')}
    </Button>
  );
}
