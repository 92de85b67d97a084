import { useMutation } from '@tanstack/react-query';
import type { Person } from '#shared/people';
import { client, data } from '../../api';
import { PIPELINE_VIEWS, peopleKeys, producersKeys, wisdomKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

// A person's name shows on wisdom holders, group members and producers.
const PERSON_VIEWS = [...PIPELINE_VIEWS, wisdomKeys.all, producersKeys.all];
const people = recordHooks(peopleKeys, '/api/people', PERSON_VIEWS);

export { peopleKeys };
export const usePeopleList = people.useList;
export const usePerson = people.useOne;
export const useSavePerson = people.useSave;
export const usePeopleOptions = people.useOptions;
export const personName = (p: Pick<Person, 'title' | 'firstName' | 'lastName'>) => `${p.title}${p.firstName} ${p.lastName}`;
/** House, village and subdistrict as one line ("12 หมู่ที่ 3 ในเมือง"); `villageLabel` is the word for หมู่ที่. */
export const addressOf = (p: Pick<Person, 'houseNo' | 'villageNo' | 'subdistrict'>, villageLabel: string) =>
  [p.houseNo, p.villageNo && `${villageLabel} ${p.villageNo}`, p.subdistrict].filter(Boolean).join(' ');

/** Folds a duplicate person into the one to keep; every link moves there. */
export function useMergePerson(personId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (keepId: number) =>
      data(client.POST('/api/people/{id}/merge', { params: { path: { id: personId } }, body: { keepId } })),
    onSuccess: () => refresh(peopleKeys.all, ...PERSON_VIEWS),
  });
}

/** The full citizen ID (the server logs the read); asked for only on request. */
export const fetchCitizenId = (personId: number) =>
  data(client.GET('/api/people/{id}/citizen-id', { params: { path: { id: personId } } }));
