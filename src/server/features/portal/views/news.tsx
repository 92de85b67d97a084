import type { NewsItem } from '../portal.service';
import { dateIn, type Lang, nameIn, portalHref, say } from '../words';

/** The first lines of a post, cut at a word so a Thai word is never split. */
export function excerpt(text: string, length = 160): string {
  if (text.length <= length) return text;
  const words = new Intl.Segmenter('th', { granularity: 'word' }).segment(text);
  let out = '';
  for (const { segment } of words) {
    if (out.length + segment.length > length) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

export function NewsCards(props: { lang: Lang; items: NewsItem[] }) {
  const { lang, items } = props;
  if (!items.length) return <p className="muted">{say(lang, 'noNews')}</p>;
  return (
    <ul className="cards">
      {items.map((n) => (
        <li key={n.id} className="card">
          {n.imageIds[0] && (
            <img src={`/portal/images/${n.imageIds[0]}/thumbnail`} alt="" loading="lazy" width={320} height={240} />
          )}
          <h3>
            <a href={portalHref(lang, `/portal/news/${n.id}`)}>{n.title}</a>
          </h3>
          <p className="muted">
            {dateIn(lang, n.publishedOn)} ·{' '}
            <a href={portalHref(lang, `/portal/centers/${n.centerCode}`)}>{nameIn(lang, n.centerTh, n.centerEn)}</a>
          </p>
          <p>{excerpt(n.body)}</p>
        </li>
      ))}
    </ul>
  );
}

export function NewsPage(props: { lang: Lang; item: NewsItem }) {
  const { lang, item } = props;
  return (
    <article>
      <h1>{item.title}</h1>
      <p className="muted">
        {say(lang, 'publishedOn', { date: dateIn(lang, item.publishedOn) })} ·{' '}
        <a href={portalHref(lang, `/portal/centers/${item.centerCode}`)}>{nameIn(lang, item.centerTh, item.centerEn)}</a>
      </p>
      {item.imageIds.map((id, i) => (
        <p key={id}>
          <img src={`/portal/images/${id}`} alt={`${say(lang, 'photo')} ${i + 1}`} loading={i ? 'lazy' : undefined} />
        </p>
      ))}
      <div className="post-body">{item.body}</div>
    </article>
  );
}
