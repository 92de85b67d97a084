import { Group } from '@mantine/core';
import type { Post } from '#shared/posts';
import { StatusBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../i18n';

/** Draft, published or public, and the channels a published post went out through. */
export function PostBadges({ post }: { post: Post }) {
  const { t } = useLanguage();
  return (
    <Group gap={4}>
      <StatusBadge color={post.publishedOn ? 'green.9' : 'gray.7'}>
        {t(post.publishedOn ? 'posts.published' : 'posts.draft')}
      </StatusBadge>
      {post.isPublic && <StatusBadge color="blue.8">{t('posts.public')}</StatusBadge>}
      {post.channels.map((c) => (
        <StatusBadge key={c} color="dark" variant="light">
          {t(`posts.channels.${c}`)}
        </StatusBadge>
      ))}
    </Group>
  );
}
