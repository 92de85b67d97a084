import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { asFormData, type BodyOf, client, data, download } from '../../api';
import { documentKeys } from '../../hooks/keys';
import { fetchPage, useRefresh } from '../../hooks/records';

/** An office's letterhead: its document number prefix, phone and e-mail. */
export function useLetterhead(code: string | undefined) {
  return useQuery({
    queryKey: documentKeys.of('letterhead', code),
    queryFn: () => data(client.GET('/api/offices/{code}/letterhead', { params: { path: { code: code! } } })),
    enabled: !!code,
  });
}

export function useSaveLetterhead(code: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/offices/{code}/letterhead', 'put'>) =>
      data(client.PUT('/api/offices/{code}/letterhead', { params: { path: { code } }, body })),
    onSuccess: () => refresh(documentKeys.all),
  });
}

/** A page of the office's outgoing-document register (ทะเบียนหนังสือส่ง), newest first. */
export function useOutgoingDocuments(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: documentKeys.list({ unit: unit ?? '', page }),
    queryFn: () => fetchPage('/api/outgoing-documents', { unit: unit!, page }),
    placeholderData: keepPreviousData,
    enabled: !!unit,
  });
}

/** Whether the department has uploaded the emblem, and when (which also versions the preview's address). */
export function useDocumentSettings() {
  return useQuery({
    queryKey: documentKeys.of('settings'),
    queryFn: () => data(client.GET('/api/settings/documents')),
  });
}

export function useUploadEmblem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => data(client.PUT('/api/settings/emblem', { body: { file }, bodySerializer: asFormData })),
    onSuccess: () => refresh(documentKeys.all),
  });
}

/** The allocation letter's number and date if issued, else the defaults for a new one. */
export function useLetterInfo(itemId: number, unit: string) {
  return useQuery({
    queryKey: documentKeys.of('letter', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/letter', { params: { path: { id: itemId }, query: { unit } } })),
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
    mutationFn: ({ itemId, ...body }: LetterRequest) =>
      download(
        client.POST('/api/budget/items/{id}/letter.pdf', {
          params: { path: { id: itemId } },
          body: { ...body, date: body.date ?? undefined },
          parseAs: 'blob',
        }),
        'letter.pdf',
      ),
    onSuccess: () => refresh(documentKeys.all),
  });
}
