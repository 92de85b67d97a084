import { Alert, Card, List, Text, Title } from '@mantine/core';
import type { Composition } from '#shared/committees';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';

/** Complete, n problems, or the legacy mechanism: how a term stands against the composition rule. */
export function CompositionBadge({ composition }: { composition: Composition }) {
  const { t } = useLanguage();
  if (composition.exception) return <StatusBadge color="blue.8">{t('committees.composition.exception')}</StatusBadge>;
  return composition.valid ? (
    <StatusBadge color="green.9">{t('committees.composition.valid')}</StatusBadge>
  ) : (
    <StatusBadge color="orange.9">{t('committees.composition.problems', { count: composition.problems.length })}</StatusBadge>
  );
}

/** The department's approval to keep the older mechanism, said plainly wherever the check is off. */
export function ExceptionBanner({ composition }: { composition: Composition }) {
  const { t, language } = useLanguage();
  if (!composition.exception) return null;
  return (
    // A standing fact of the page, not an error: `status`, so it is neither announced nor counted as an alert.
    <Alert color="blue" role="status" data-testid="exception-banner">
      {t('committees.composition.exceptionBanner', {
        number: composition.exception.letterNumber,
        date: formatDate(composition.exception.letterDate, language),
      })}
    </Alert>
  );
}

/** Each problem as a sentence ("มีผู้แทนหน่วยงาน 4 คน ต้องมี 5 คน"), or that the composition is complete. */
export function CompositionPanel({ composition }: { composition: Composition }) {
  const { t } = useLanguage();
  return (
    <Card withBorder data-testid="composition-panel">
      <Title order={2} size="h4" mb="xs">
        {t('committees.composition.title')}
      </Title>
      {composition.exception ? (
        <ExceptionBanner composition={composition} />
      ) : composition.valid ? (
        <Text c="teal.9">{t('committees.composition.validText')}</Text>
      ) : (
        <Alert color="orange" role="status" title={t('committees.composition.warning')}>
          <List>
            {composition.problems.map((p) => (
              <List.Item key={p.code}>{t(`committees.problems.${p.code}`, { count: p.count, min: p.min, max: p.max })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Card>
  );
}
