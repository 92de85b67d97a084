import { Card, Group, Image, Pagination, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { POST_STATES } from '#shared/posts';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadingRows } from '../../components/LoadingRows';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMayWrite } from '../meetings/MeetingParts';
import { usePostList } from './api';
import { PostBadges } from './PostParts';

const PAGE_SIZE = 12;

/** The center's news as cards: the first photo, the title, when and where it went out. */
export function PostsPage() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { q, query, search, page, setPage } = useSearchState();
  const [state, setState] = useState<string | null>(null);
  const params = { unit, state, q: query || undefined, page, pageSize: PAGE_SIZE };
  const list = usePostList(params, !!unit);
  const mayWrite = useMayWrite(isDistrict(unit) ? unit : undefined);
  const add = mayWrite ? () => navigate({ to: '/posts/new', search: { unit } }) : undefined;
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <PageHeader title={t('posts.title')} addLabel={t('posts.add')} onAdd={add} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <TextInput label={t('posts.search')} value={q} onChange={(e) => search(e.currentTarget.value)} />
        <Select
          label={t('posts.fields.state')}
          placeholder={t('posts.allStates')}
          clearable
          data={POST_STATES.map((s) => ({ value: s, label: t(`posts.states.${s}`) }))}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <LoadingRows rows={3} />}
      {list.data && !items.length && (
        <EmptyState
          title={t(query || state ? 'posts.noMatch' : 'posts.empty')}
          hint={query || state ? undefined : t('posts.emptyHint')}
          actionLabel={t('posts.add')}
          onAction={query || state ? undefined : add}
        />
      )}
      {items.length > 0 && (
        <Group justify="flex-end">
          <ExportMenu source={{ path: '/api/posts', params }} />
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((p) => {
          const photo = p.photos.find((a) => a.kind === 'image');
          return (
            <Card
              key={p.id}
              withBorder
              component="a"
              href={`/posts/${p.id}?unit=${unit}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ to: '/posts/$id', params: { id: String(p.id) }, search: { unit } });
              }}
              data-testid="post-card"
            >
              {photo && (
                <Card.Section mb="sm">
                  <Image src={`/api/attachments/${photo.id}/thumbnail`} alt={photo.filename} h={160} fit="cover" />
                </Card.Section>
              )}
              <Stack gap={4}>
                <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Text>
                <Text size="sm" c="gray.7">
                  {p.publishedOn ? formatDate(p.publishedOn, language) : t('posts.notPublished')}
                </Text>
                <PostBadges post={p} />
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination total={Math.ceil(list.data.total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
