import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Problem } from '#shared/errors';
import type { DocumentSettings, Letterhead, LetterInfo, OutgoingDocument } from '#shared/outgoing-documents';
import { ApiError, api, toQuery } from '../../api';
import { documentKeys } from '../../hooks/keys';
import { fetchPage, useRefresh } from '../../hooks/records';

/** An office's letterhead: its document number prefix, phone and e-mail. */
export function useLetterhead(code: string | undefined) {
  return useQuery({
    queryKey: documentKeys.of('letterhead', code),
    queryFn: () => api<Letterhead>(`/api/offices/${code}/letterhead`),
    enabled: !!code,
  });
}

export function useSaveLetterhead(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<Letterhead>(`/api/offices/${code}/letterhead`, { method: 'PUT', body }),
    onSuccess: () => refresh(documentKeys.all),
  });
}

/** A page of the office's outgoing-document register (ทะเบียนหนังสือส่ง), newest first. */
export function useOutgoingDocuments(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: documentKeys.list({ unit: unit ?? '', page }),
    queryFn: () => fetchPage<OutgoingDocument>('/api/outgoing-documents', { unit, page }),
    placeholderData: keepPreviousData,
    enabled: !!unit,
  });
}

/** Whether the department has uploaded the emblem, and when (which also versions the preview's address). */
export function useDocumentSettings() {
  return useQuery({
    queryKey: documentKeys.of('settings'),
    queryFn: () => api<DocumentSettings>('/api/settings/documents'),
  });
}

async function problemOf(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => null)) as Problem | null;
  return new ApiError(
    data?.code
      ? data
      : { type: 'about:blank', title: res.statusText, status: res.status, code: 'server.internal', detail: '', th: '', en: '' },
  );
}

export function useUploadEmblem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch('/api/settings/emblem', { method: 'PUT', body: form, credentials: 'same-origin' });
      if (!res.ok) throw await problemOf(res);
    },
    onSuccess: () => refresh(documentKeys.all),
  });
}

/** The allocation letter's number and date if issued, else the defaults for a new one. */
export function useLetterInfo(itemId: number, unit: string) {
  return useQuery({
    queryKey: documentKeys.of('letter', itemId, unit),
    queryFn: () => api<LetterInfo>(`/api/budget/items/${itemId}/letter${toQuery({ unit })}`),
  });
}

export interface LetterRequest {
  itemId: number;
  unit: string;
  date: string | null;
  deadline: string | null;
  digits: 'thai' | 'arabic';
}

/** Issues the letter's number (or reuses it) and saves the PDF the server answers with. */
export function useDownloadLetter() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ itemId, ...body }: LetterRequest) => {
      const res = await fetch(`/api/budget/items/${itemId}/letter.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, date: body.date ?? undefined }),
        credentials: 'same-origin',
      });
      if (!res.ok) throw await problemOf(res);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'letter.pdf';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
    onSuccess: () => refresh(documentKeys.all),
  });
}
