import { certificationsKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';

const certifications = recordHooks(certificationsKeys, '/api/certifications', PIPELINE_VIEWS);

export { certificationsKeys };
export const useCertificationList = certifications.useList;
export const useCertification = certifications.useOne;
export const useSaveCertification = certifications.useSave;

/** A standard's name in the user's language (blank while the code list loads, never the raw code meanwhile). */
export function useStandardName() {
  const { nameOf } = useLanguage();
  const standards = useCodeList('standard');
  return (code: string) => {
    const standard = standards.data?.find((s) => s.code === code);
    return standard ? nameOf(standard) : standards.data ? code : '';
  };
}
