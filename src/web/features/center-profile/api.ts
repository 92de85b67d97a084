import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, type BodyOf, client, data } from '../../api';
import { centerProfileKeys } from '../../hooks/keys';
import { useRefresh } from '../../hooks/records';

/** The district's profile, or null while none is recorded (the API answers 404). */
export function useCenterProfile(unitCode: string | undefined) {
  return useQuery({
    queryKey: centerProfileKeys.detail(unitCode ?? ''),
    queryFn: async () => {
      try {
        return await data(client.GET('/api/center-profiles/{unitCode}', { params: { path: { unitCode: unitCode! } } }));
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
    mutationFn: (body: BodyOf<'/api/center-profiles/{unitCode}', 'put'>) =>
      data(client.PUT('/api/center-profiles/{unitCode}', { params: { path: { unitCode } }, body })),
    onSuccess: () => refresh(centerProfileKeys.all),
  });
}
