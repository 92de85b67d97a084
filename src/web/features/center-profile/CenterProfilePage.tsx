import { Alert, Stack, Title } from '@mantine/core';
import { isDistrict } from '#shared/fields';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { CenterProfileCard } from './CenterProfileCard';

/** The profile of the center in view (a district); above a district, a hint to choose one. */
export function CenterProfilePage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('centerProfile.title')}
      </Title>
      {isDistrict(unit) ? <CenterProfileCard unitCode={unit} /> : <Alert color="gray">{t('centerProfile.chooseDistrict')}</Alert>}
    </Stack>
  );
}
