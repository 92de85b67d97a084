/** Each portal page as a whole HTML document: what the routes send. */
import type { CenterSummary, getCenter, NewsItem, provincesWithCenters } from '../portal.service';
import { type Lang, nameIn, say } from '../words';
import { CenterCards, CenterPage, CenterSearch, ProvinceIndex } from './centers';
import { HomePage } from './home';
import { excerpt, NewsCards, NewsPage } from './news';
import { Pager, renderPage } from './page';

/** Who is asking: the language, and the scheme and host they used (for absolute share URLs). */
export interface Visit {
  lang: Lang;
  origin: string;
}

type Provinces = Awaited<ReturnType<typeof provincesWithCenters>>;

export const homeHtml = ({ lang, origin }: Visit, provinces: Provinces, news: NewsItem[]) =>
  renderPage(
    { lang, path: '/portal', title: say(lang, 'centersTitle'), description: say(lang, 'homeIntro'), section: 'home' },
    origin,
    <HomePage lang={lang} provinces={provinces} news={news} />,
  );

export function centersHtml(
  { lang, origin }: Visit,
  data: {
    q?: string;
    province?: { code: string; nameTh: string; nameEn: string };
    provinces: Provinces;
    centers?: CenterSummary[];
  },
) {
  const { q, province, provinces, centers } = data;
  const title = province
    ? say(lang, 'centersOf', { name: nameIn(lang, province.nameTh, province.nameEn) })
    : say(lang, 'centersTitle');
  return renderPage(
    {
      lang,
      path: '/portal/centers',
      params: { q, province: province?.code },
      title,
      description: say(lang, 'centersIntro'),
      section: 'centers',
    },
    origin,
    <>
      <h1>{title}</h1>
      <p>{say(lang, 'centersIntro')}</p>
      <CenterSearch lang={lang} q={q} province={province?.code} provinces={provinces} />
      {centers ? (
        <>
          <p role="status">{say(lang, 'centersFound', { n: centers.length })}</p>
          <CenterCards lang={lang} centers={centers} />
        </>
      ) : (
        <ProvinceIndex lang={lang} provinces={provinces} />
      )}
    </>,
  );
}

export function centerHtml({ lang, origin }: Visit, data: NonNullable<Awaited<ReturnType<typeof getCenter>>>, news: NewsItem[]) {
  const where = [data.profile?.officeAddress, data.profile?.openingHours].filter(Boolean).join(' · ');
  return renderPage(
    {
      lang,
      path: `/portal/centers/${data.center.code}`,
      title: nameIn(lang, data.center.nameTh, data.center.nameEn),
      description: where || say(lang, 'centersTitle'),
      section: 'centers',
    },
    origin,
    <CenterPage lang={lang} data={data} news={news} />,
  );
}

export function newsListHtml(
  { lang, origin }: Visit,
  center: string | undefined,
  news: { items: NewsItem[]; page: number; hasNext: boolean },
) {
  return renderPage(
    {
      lang,
      path: '/portal/news',
      params: { center, page: news.page > 1 ? news.page : undefined },
      title: say(lang, 'newsTitle'),
      description: say(lang, 'newsTitle'),
      section: 'news',
    },
    origin,
    <>
      <h1>{say(lang, 'newsTitle')}</h1>
      <NewsCards lang={lang} items={news.items} />
      <Pager lang={lang} path="/portal/news" params={{ center }} page={news.page} hasNext={news.hasNext} />
    </>,
  );
}

export const newsHtml = ({ lang, origin }: Visit, item: NewsItem) =>
  renderPage(
    {
      lang,
      path: `/portal/news/${item.id}`,
      title: item.title,
      description: excerpt(item.body),
      image: item.imageIds[0] ? `/portal/images/${item.imageIds[0]}` : undefined,
      section: 'news',
    },
    origin,
    <NewsPage lang={lang} item={item} />,
  );
