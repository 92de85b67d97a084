import { useMutation } from '@tanstack/react-query';
import type { Lesson } from '#shared/lessons';
import { api } from '../../api';
import { lessonsKeys, plansKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const lessons = recordHooks<Lesson>(lessonsKeys, '/api/lessons', [plansKeys.all]);

export const useLessonList = lessons.useList;
export const useSaveLesson = lessons.useSave;
export const useLessonOptions = lessons.useOptions;

export function useDeleteLesson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (l: Lesson) => api<void>(`/api/lessons/${l.id}`, { method: 'DELETE', body: { version: l.version } }),
    onSuccess: () => refresh(lessonsKeys.all, plansKeys.all),
  });
}
