import { useQuery } from '@tanstack/react-query';
import type { Query } from '../../api';
import { auditKeys } from '../../hooks/keys';
import { fetchPage } from '../../hooks/records';

export { auditKeys };

export function useAuditLog(params: Query<'/api/audit'>) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => fetchPage('/api/audit', params),
    placeholderData: (previous) => previous,
  });
}
