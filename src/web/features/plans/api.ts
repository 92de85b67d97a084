import { useMutation } from '@tanstack/react-query';
import { type BodyOf, client, data } from '../../api';
import { lessonsKeys, plansKeys, projectsKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const plans = recordHooks(plansKeys, '/api/plans', [projectsKeys.all, lessonsKeys.all]);
const projects = recordHooks(projectsKeys, '/api/plan-projects', [plansKeys.all]);

export const usePlanList = plans.useList;
export const usePlan = plans.useOne;
export const useSavePlan = plans.useSave;
export const usePlanOptions = plans.useOptions;
export const useProjectList = projects.useList;
export const useProject = projects.useOne;

/** Adds a project to its plan (POST under the plan) or changes it at its own address. */
export function useSaveProject(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: number;
      body: BodyOf<'/api/plans/{id}/projects', 'post'> | BodyOf<'/api/plan-projects/{id}', 'patch'>;
    }) => {
      // A change carries the version it was read at; a new project has none.
      if (!('version' in body)) return data(client.POST('/api/plans/{id}/projects', { params: { path: { id: planId } }, body }));
      if (!id) throw new Error('A change to a project needs its id');
      return data(client.PATCH('/api/plan-projects/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}

export function useAddProgress(projectId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/plan-projects/{id}/updates', 'post'>) =>
      data(client.POST('/api/plan-projects/{id}/updates', { params: { path: { id: projectId } }, body })),
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}

export function useDeletePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: number; version: number }) =>
      data(client.DELETE('/api/plans/{id}', { params: { path: { id: p.id } }, body: { version: p.version } })),
    onSuccess: () => refresh(plansKeys.all, projectsKeys.all, lessonsKeys.all),
  });
}

export function useDeleteProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: number; version: number }) =>
      data(client.DELETE('/api/plan-projects/{id}', { params: { path: { id: p.id } }, body: { version: p.version } })),
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}
