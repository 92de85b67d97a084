import { useMutation } from '@tanstack/react-query';
import { client, data } from '../../api';
import { postsKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const posts = recordHooks(postsKeys, '/api/posts');

export const usePostList = posts.useList;
export const usePost = posts.useOne;
export const useSavePost = posts.useSave;

export function useDeletePost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      data(client.DELETE('/api/posts/{id}', { params: { path: { id } }, body: { version } })),
    onSuccess: () => refresh(postsKeys.all),
  });
}

export function useRemovePhoto() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, attachmentId }: { id: number; attachmentId: number }) =>
      data(client.DELETE('/api/posts/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } })),
    onSuccess: () => refresh(postsKeys.all),
  });
}
