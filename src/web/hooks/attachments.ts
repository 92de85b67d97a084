import { type QueryKey, useMutation } from '@tanstack/react-query';
import type { Attachment } from '#shared/wisdom';
import { ApiError } from '../api';
import { useRefresh } from './records';

/** Uploads one file to a record (`POST uploadPath`, multipart), then refreshes the record's queries. */
export function useUploadAttachment(uploadPath: string, refreshes: QueryKey) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(uploadPath, { method: 'POST', body, credentials: 'same-origin' });
      const data = await res.json();
      if (!res.ok) throw new ApiError(data);
      return data as Attachment;
    },
    onSuccess: () => refresh(refreshes),
  });
}
