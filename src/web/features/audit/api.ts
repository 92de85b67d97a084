import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '#shared/audit';
import { api, toQuery } from '../../api';
import { auditKeys } from '../../hooks/keys';
import type { Page, Params } from '../../hooks/records';

export { auditKeys };

export function useAuditLog(params: Params) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => api<Page<AuditEntry>>(`/api/audit${toQuery(params)}`),
    placeholderData: (previous) => previous,
  });
}
