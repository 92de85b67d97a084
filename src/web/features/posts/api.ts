import { useMutation } from '@tanstack/react-query';
import type { Post } from '#shared/posts';
import { api } from '../../api';
import { postsKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const posts = recordHooks<Post>(postsKeys, '/api/posts');

export const usePostList = posts.useList;
export const usePost = posts.useOne;
export const useSavePost = posts.useSave;

export function useDeletePost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<void>(`/api/posts/${id}`, { method: 'DELETE', body: { version } }),
    onSuccess: () => refresh(postsKeys.all),
  });
}

export function useRemovePhoto() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, attachmentId }: { id: number; attachmentId: number }) =>
      api<void>(`/api/posts/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => refresh(postsKeys.all),
  });
}
