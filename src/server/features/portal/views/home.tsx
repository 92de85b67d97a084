import type { NewsItem, provincesWithCenters } from '../portal.service';
import { type Lang, portalHref, say } from '../words';
import { NewsCards } from './news';
import { ProvinceMap } from './province-map';

export function HomePage(props: { lang: Lang; provinces: Awaited<ReturnType<typeof provincesWithCenters>>; news: NewsItem[] }) {
  const { lang } = props;
  return (
    <>
      <h1>{say(lang, 'centersTitle')}</h1>
      <p>{say(lang, 'homeIntro')}</p>
      <search>
        <form className="search" method="get" action="/portal/products">
          {lang === 'en' && <input type="hidden" name="lang" value="en" />}
          <div>
            <label htmlFor="home-q">{say(lang, 'productSearchLabel')}</label>
            <input id="home-q" name="q" type="search" placeholder={say(lang, 'productSearchPlaceholder')} maxLength={100} />
          </div>
          <button type="submit">{say(lang, 'search')}</button>
        </form>
      </search>
      <p>
        <a href={portalHref(lang, '/portal/products')}>{say(lang, 'browseCatalog')}</a> ·{' '}
        <a href={portalHref(lang, '/portal/wisdom')}>{say(lang, 'browseWisdom')}</a>
      </p>
      <p>
        <a className="button" href={portalHref(lang, '/portal/requests/new')}>
          {say(lang, 'request')}
        </a>
      </p>
      <div className="columns">
        <section>
          <h2>{say(lang, 'centers')}</h2>
          <p>{say(lang, 'centersIntro')}</p>
          <ProvinceMap lang={lang} provinces={props.provinces} />
        </section>
        <section>
          <h2>{say(lang, 'latestNews')}</h2>
          <NewsCards lang={lang} items={props.news} />
          <p>
            <a href={portalHref(lang, '/portal/news')}>{say(lang, 'news')} →</a>
          </p>
        </section>
      </div>
    </>
  );
}
