import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LockedNote } from '../../components/LockedNote';
import { RecordHeader } from '../../components/RecordPage';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useUploadAttachment } from '../../hooks/attachments';
import { postsKeys } from '../../hooks/keys';
import { useLanguage } from '../../i18n';
import { useMayWrite } from '../meetings/MeetingParts';
import { useDeletePost, usePost, useRemovePhoto, useSavePost } from './api';
import { EditPostModal } from './PostForm';
import { PostBadges } from './PostParts';

/** One post: its text, its photos (added and removed by the district's officers), and publishing it. */
export function PostDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const post = usePost(id);
  const mayWriteUnit = useMayWrite(post.data?.orgUnitCode);
  const save = useSavePost();
  const remove = useDeletePost();
  const removePhoto = useRemovePhoto();
  const upload = useUploadAttachment({ path: '/api/posts/{id}/attachments', id: Number(id) }, postsKeys.all);
  const [editing, setEditing] = useState(false);
  if (post.error) return <ErrorAlert error={post.error} />;
  if (!post.data) return <Skeleton h={240} />;
  const p = post.data;
  // A post published in a locked quarter is not offered for change: the server would refuse it.
  const mayWrite = mayWriteUnit && !p.locked;
  // Publishing today through the channels chosen (the website when none was): a PATCH of those two fields.
  const publish = () =>
    save.mutate({
      id: p.id,
      body: { version: p.version, publishedOn: todayIso(), channels: p.channels.length ? p.channels : ['website'] },
    });
  return (
    <Stack>
      <RecordHeader
        list="/posts"
        listLabel={t('posts.title')}
        title={p.title}
        badges={<PostBadges post={p} />}
        actions={
          mayWrite && (
            <>
              {!p.publishedOn && (
                <Button loading={save.isPending} onClick={publish}>
                  {t('posts.publish')}
                </Button>
              )}
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
            </>
          )
        }
      />
      {mayWriteUnit && p.locked && <LockedNote />}
      <ErrorAlert error={save.error ?? remove.error ?? removePhoto.error ?? upload.error} />
      <Card withBorder>
        <Text size="sm" c="gray.7" mb="xs">
          {p.publishedOn ? t('posts.publishedOn', { date: formatDate(p.publishedOn, language) }) : t('posts.notPublished')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.body}</Text>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('posts.photos')}
          </Title>
          {mayWrite && (
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/jpeg,image/png,image/webp">
              {(props) => (
                <Button {...props} variant="light" loading={upload.isPending}>
                  {t('posts.addPhoto')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {!p.photos.length && <Text c="gray.7">{t('posts.noPhotos')}</Text>}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {p.photos.map((a) => (
            <Stack key={a.id} gap={4} data-testid="post-photo">
              <Anchor href={`/api/attachments/${a.id}`} target="_blank">
                {a.kind === 'image' ? (
                  <Image src={`/api/attachments/${a.id}/thumbnail`} alt={a.filename} radius="sm" />
                ) : (
                  <Text>{a.filename}</Text>
                )}
              </Anchor>
              {mayWrite && (
                <Group justify="flex-end">
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    aria-label={t('posts.removePhoto', { name: a.filename })}
                    onClick={() => removePhoto.mutate({ id: p.id, attachmentId: a.id })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      </Card>
      {mayWrite && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red.9"
            c="red.9"
            onClick={() =>
              remove.mutate(
                { id: p.id, version: p.version },
                { onSuccess: () => navigate({ to: '/posts', search: { unit: p.orgUnitCode } }) },
              )
            }
          >
            {t('posts.delete')}
          </Button>
        </Group>
      )}
      {editing && <EditPostModal post={p} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
