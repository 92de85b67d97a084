import { useMutation, useQuery } from '@tanstack/react-query';
import type { CenterProfile } from '#shared/center-profiles';
import { ApiError, api } from '../../api';
import { centerProfileKeys } from '../../hooks/keys';
import { useRefresh } from '../../hooks/records';

/** The district's profile, or null while none is recorded (the API answers 404). */
export function useCenterProfile(unitCode: string | undefined) {
  return useQuery({
    queryKey: centerProfileKeys.detail(unitCode ?? ''),
    queryFn: async () => {
      try {
        return await api<CenterProfile>(`/api/center-profiles/${unitCode}`);
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === 'center_profile.not_found') return null;
        throw error;
      }
    },
    enabled: !!unitCode,
  });
}

export function useSaveCenterProfile(unitCode: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<CenterProfile>(`/api/center-profiles/${unitCode}`, { method: 'PUT', body }),
    onSuccess: () => refresh(centerProfileKeys.all),
  });
}
