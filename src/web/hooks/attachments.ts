import { type QueryKey, useMutation } from '@tanstack/react-query';
import { type ApiPath, asFormData, client, data } from '../api';
import { useRefresh } from './records';

/** The records that take files: `/api/wisdom/{id}/attachments` and the like. */
export type AttachmentsPath = Extract<ApiPath, `/api/${string}/{id}/attachments`>;

/** Uploads one file to a record (`POST path`, multipart), then refreshes the record's queries. */
export function useUploadAttachment(to: { path: AttachmentsPath; id: number }, refreshes: QueryKey) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) =>
      data(client.POST(to.path, { params: { path: { id: to.id } }, body: { file }, bodySerializer: asFormData })),
    onSuccess: () => refresh(refreshes),
  });
}
