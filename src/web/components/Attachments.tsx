import { Anchor, Button, FileButton, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import type { Attachment } from '#shared/wisdom';
import { type AttachmentsPath, useUploadAttachment } from '../hooks/attachments';
import { useLanguage } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/** Thumbnails and documents of a record, with an upload button when the user may add. */
export function Attachments({
  uploadTo,
  items,
  canUpload,
  refreshes,
}: {
  /** The record's attachments path and its id. */
  uploadTo: { path: AttachmentsPath; id: number };
  items: Attachment[];
  canUpload: boolean;
  /** The query key of the record the files belong to. */
  refreshes: QueryKey;
}) {
  const { t } = useLanguage();
  const upload = useUploadAttachment(uploadTo, refreshes);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('fields.photos')}
        </Title>
        {canUpload && (
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/jpeg,image/png,image/webp,application/pdf">
            {(props) => (
              <Button {...props} variant="light" loading={upload.isPending}>
                {t('fields.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <ErrorAlert error={upload.error} />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {items.map((a) =>
          a.kind === 'image' ? (
            <Anchor key={a.id} href={`/api/attachments/${a.id}`} target="_blank">
              <Image src={`/api/attachments/${a.id}/thumbnail`} alt={a.filename} radius="sm" />
            </Anchor>
          ) : (
            <Anchor key={a.id} href={`/api/attachments/${a.id}`} target="_blank">
              <Text>📄 {a.filename}</Text>
            </Anchor>
          ),
        )}
      </SimpleGrid>
    </Stack>
  );
}
