import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { projectChange } from '#shared/plans';
import { asPatch, type BodyOf, client, data } from '../../api';
import { lessonsKeys, plansKeys, projectsKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const plans = recordHooks(plansKeys, '/api/plans', [projectsKeys.all, lessonsKeys.all]);
const projects = recordHooks(projectsKeys, '/api/plan-projects', [plansKeys.all]);

export const usePlanList = plans.useList;
export const usePlan = plans.useOne;
export const useSavePlan = plans.useSave;
export const useProjectList = projects.useList;
export const useProject = projects.useOne;

/** Adds a project to its plan (POST under the plan) or changes it at its own address (the form's whole body). */
export function useSaveProject(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: number;
      // A change is the form's whole project (what it left empty goes as null, which clears it).
      body: BodyOf<'/api/plans/{id}/projects', 'post'> | z.output<typeof projectChange>;
    }) => {
      // A change carries the version it was read at; a new project has none.
      if (!('version' in body)) return data(client.POST('/api/plans/{id}/projects', { params: { path: { id: planId } }, body }));
      if (!id) throw new Error('A change to a project needs its id');
      return data(client.PATCH('/api/plan-projects/{id}', { params: { path: { id } }, body: asPatch(body) }));
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
