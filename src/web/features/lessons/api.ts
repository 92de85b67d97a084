import { useMutation } from '@tanstack/react-query';
import type { Lesson } from '#shared/lessons';
import { client, data } from '../../api';
import { lessonsKeys, plansKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const lessons = recordHooks(lessonsKeys, '/api/lessons', [plansKeys.all]);

export const useLessonList = lessons.useList;
export const useSaveLesson = lessons.useSave;

export function useDeleteLesson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (l: Lesson) =>
      data(client.DELETE('/api/lessons/{id}', { params: { path: { id: l.id } }, body: { version: l.version } })),
    onSuccess: () => refresh(lessonsKeys.all, plansKeys.all),
  });
}
