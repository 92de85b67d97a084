import { Card, Checkbox, Group, Modal, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { createPostBody, POST_CHANNELS, type Post, postChange } from '#shared/posts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMayWrite } from '../meetings/MeetingParts';
import { useSavePost } from './api';

/** /posts/new: write a post (a draft until given a publishing day). */
export function NewPostPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const mayWrite = useMayWrite(unit);
  if (!unit || !mayWrite) return <Text c="gray.7">{t('posts.districtOnly')}</Text>;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('posts.add')}
      </Title>
      <Card withBorder>
        <PostForm
          unit={unit}
          onClose={() => navigate({ to: '/posts', search: { unit } })}
          onSaved={(p) => navigate({ to: '/posts/$id', params: { id: String(p.id) }, search: { unit } })}
        />
      </Card>
    </Stack>
  );
}

/** Title and body, the channels, the publishing day (empty: a draft) and whether the public portal shows it. */
export function PostForm({
  post,
  unit,
  onClose,
  onSaved,
}: {
  post?: Post;
  unit: string;
  onClose: () => void;
  onSaved?: (p: Post) => void;
}) {
  const { t } = useLanguage();
  const save = useSavePost();
  const form = useSchemaForm({
    schema: post ? postChange : createPostBody,
    initialValues: {
      title: post?.title ?? '',
      body: post?.body ?? '',
      channels: (post?.channels ?? []) as string[],
      publishedOn: post?.publishedOn ?? (null as string | null),
      isPublic: post?.isPublic ?? false,
    },
    toBody: (v) => ({
      ...(post ? { version: post.version } : { orgUnitCode: unit }),
      ...v,
      isPublic: v.publishedOn ? v.isPublic : false,
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: post?.id, body: form.toBody(v) },
      { onSuccess: (p) => (onSaved ? onSaved(p as Post) : onClose()), onError: form.showServerErrors },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} fieldsShown />
        <TextInput label={t('posts.fields.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('posts.fields.body')} required autosize minRows={4} {...form.getInputProps('body')} />
        <Checkbox.Group label={t('posts.fields.channels')} {...form.getInputProps('channels')}>
          <Group gap="md" mt={4}>
            {POST_CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={t(`posts.channels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <ThaiDateInput label={t('posts.fields.publishedOn')} clearable {...form.getInputProps('publishedOn')} />
        <Text size="sm" c="gray.7">
          {t('posts.draftHint')}
        </Text>
        <Switch
          label={t('posts.fields.isPublic')}
          disabled={!form.values.publishedOn}
          {...form.getInputProps('isPublic', { type: 'checkbox' })}
        />
        <FormActions onCancel={onClose} saving={save.isPending} />
      </Stack>
    </form>
  );
}

export function EditPostModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useLanguage();
  return (
    <Modal opened onClose={onClose} title={t('posts.edit')} size="lg">
      <PostForm post={post} unit={post.orgUnitCode} onClose={onClose} />
    </Modal>
  );
}
