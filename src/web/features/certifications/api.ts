import type { Certification } from '#shared/certifications';
import { certificationsKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks } from '../../hooks/records';

const certifications = recordHooks<Certification>(certificationsKeys, '/api/certifications', PIPELINE_VIEWS);

export { certificationsKeys };
export const useCertificationList = certifications.useList;
export const useSaveCertification = certifications.useSave;
