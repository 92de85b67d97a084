import { Alert } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { isDistrict } from '#shared/fields';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { CommitteeForm } from './CommitteeForm';
import { useMayWriteCommittee } from './CommitteesPage';

/** A new term of the district in view, recorded by its own district officer. */
export function CommitteeNewPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const mayWrite = useMayWriteCommittee(isDistrict(unit) ? unit : undefined);
  if (!unit || !mayWrite) return <Alert color="gray">{t('committees.chooseDistrict')}</Alert>;
  return (
    <CommitteeForm
      unit={unit}
      onDone={(saved) => navigate({ to: '/committees/$id', params: { id: String(saved.id) }, search: { unit } })}
      onCancel={() => navigate({ to: '/committees', search: { unit } })}
    />
  );
}
