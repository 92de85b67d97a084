import { useMutation } from '@tanstack/react-query';
import type { Plan, PlanDetail, PlanProject, PlanProjectDetail } from '#shared/plans';
import { api, asPatch } from '../../api';
import { lessonsKeys, plansKeys, projectsKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const plans = recordHooks<Plan, PlanDetail>(plansKeys, '/api/plans', [projectsKeys.all, lessonsKeys.all]);
const projects = recordHooks<PlanProject, PlanProjectDetail>(projectsKeys, '/api/plan-projects', [plansKeys.all]);

export const usePlanList = plans.useList;
export const usePlan = plans.useOne;
export const useSavePlan = plans.useSave;
export const usePlanOptions = plans.useOptions;
export const useProjectList = projects.useList;
export const useProject = projects.useOne;

/** Adds a project to its plan (POST under the plan) or changes it at its own address (the form's whole body). */
export function useSaveProject(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id
        ? api<PlanProjectDetail>(`/api/plan-projects/${id}`, { method: 'PATCH', body: asPatch(body) })
        : api<PlanProjectDetail>(`/api/plans/${planId}/projects`, { method: 'POST', body }),
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}

export function useAddProgress(projectId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<PlanProjectDetail>(`/api/plan-projects/${projectId}/updates`, { method: 'POST', body }),
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}

export function useDeletePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: number; version: number }) =>
      api<void>(`/api/plans/${p.id}`, { method: 'DELETE', body: { version: p.version } }),
    onSuccess: () => refresh(plansKeys.all, projectsKeys.all, lessonsKeys.all),
  });
}

export function useDeleteProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: { id: number; version: number }) =>
      api<void>(`/api/plan-projects/${p.id}`, { method: 'DELETE', body: { version: p.version } }),
    onSuccess: () => refresh(projectsKeys.all, plansKeys.all),
  });
}
