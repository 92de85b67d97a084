import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '#shared/audit';
import { auditKeys } from '../../hooks/keys';
import { fetchPage, type Params } from '../../hooks/records';

export { auditKeys };

export function useAuditLog(params: Params) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => fetchPage<AuditEntry>('/api/audit', params),
    placeholderData: (previous) => previous,
  });
}
