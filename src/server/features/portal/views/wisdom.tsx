/** The public local wisdom pages: the searchable list and an item. */
import type { Place, PlaceFilter } from '../places';
import type { PublicWisdom, WisdomCard } from '../wisdom';
import { type Lang, nameIn, portalHref, say } from '../words';
import { Photos, PlaceFields, placeText, placeTitle, SelectField } from './filters';
import { excerpt } from './news';
import { Pager, renderPage } from './page';
import type { Visit } from './pages';

export interface WisdomListPage {
  q?: string;
  branch?: string;
  branches: { code: string; nameTh: string; nameEn: string }[];
  provinces: Place[];
  place: PlaceFilter;
  items: WisdomCard[];
  page: number;
  hasNext: boolean;
}

function WisdomSearch(props: { lang: Lang; data: WisdomListPage }) {
  const { lang, data } = props;
  return (
    <search>
      <form className="search" method="get" action="/portal/wisdom">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <div>
          <label htmlFor="wisdom-q">{say(lang, 'wisdomSearchLabel')}</label>
          <input id="wisdom-q" name="q" type="search" defaultValue={data.q} maxLength={100} />
        </div>
        <SelectField
          id="wisdom-branch"
          name="branch"
          label={say(lang, 'branch')}
          all={say(lang, 'allBranches')}
          value={data.branch}
          options={data.branches.map((b) => ({ value: b.code, label: nameIn(lang, b.nameTh, b.nameEn) }))}
        />
        <PlaceFields lang={lang} idPrefix="wisdom" provinces={data.provinces} place={data.place} />
        <button type="submit">{say(lang, 'search')}</button>
      </form>
    </search>
  );
}

export function WisdomCards(props: { lang: Lang; items: WisdomCard[] }) {
  const { lang, items } = props;
  return (
    <ul className="cards">
      {items.map((w) => (
        <li key={w.id} className="card">
          {w.imageId && <img src={`/portal/images/${w.imageId}/thumbnail`} alt="" loading="lazy" width={320} height={240} />}
          <h3>
            <a href={portalHref(lang, `/portal/wisdom/${w.id}`)}>{w.title}</a>
          </h3>
          <p className="muted">
            <span className="badge">{nameIn(lang, w.branchTh, w.branchEn)}</span> {placeText(lang, w)}
          </p>
          {w.description && <p>{excerpt(w.description, 120)}</p>}
        </li>
      ))}
    </ul>
  );
}

export function wisdomListHtml({ lang, origin }: Visit, data: WisdomListPage) {
  const title = say(lang, 'wisdomOf', { place: placeTitle(lang, data.place) });
  const filters = { q: data.q, branch: data.branch, province: data.place.province?.code, district: data.place.district?.code };
  return renderPage(
    {
      lang,
      path: '/portal/wisdom',
      params: { ...filters, page: data.page > 1 ? data.page : undefined },
      title,
      description: say(lang, 'wisdomIntro'),
      section: 'wisdom',
    },
    origin,
    <>
      <h1>{title}</h1>
      <p>{say(lang, 'wisdomIntro')}</p>
      <WisdomSearch lang={lang} data={data} />
      <p role="status">{data.items.length ? (data.q ? say(lang, 'resultsFor', { q: data.q }) : '') : say(lang, 'noWisdom')}</p>
      <WisdomCards lang={lang} items={data.items} />
      <Pager lang={lang} path="/portal/wisdom" params={filters} page={data.page} hasNext={data.hasNext} />
    </>,
  );
}

function WisdomPage(props: { lang: Lang; item: PublicWisdom }) {
  const { lang, item } = props;
  return (
    <article>
      <p className="muted">
        <a href={portalHref(lang, '/portal/wisdom')}>{say(lang, 'wisdom')}</a> ›{' '}
        <a href={portalHref(lang, '/portal/wisdom', { district: item.districtCode })}>
          {say(lang, 'districtOf', { name: nameIn(lang, item.districtTh, item.districtEn) })}
        </a>
      </p>
      <h1>{item.title}</h1>
      <p>
        <span className="badge">{nameIn(lang, item.branchTh, item.branchEn)}</span>
      </p>
      <dl className="facts">
        <dt>{say(lang, 'location')}</dt>
        <dd>{placeText(lang, item)}</dd>
        {item.publicCredit && (
          <>
            <dt>{say(lang, 'credit')}</dt>
            <dd>{item.publicCredit}</dd>
          </>
        )}
      </dl>
      <Photos lang={lang} title={item.title} ids={item.imageIds} />
      {item.description && <div className="post-body">{item.description}</div>}
      {item.groups.length > 0 && (
        <>
          <h2>{say(lang, 'relatedGroups')}</h2>
          {item.groups.map((g) => (
            <section key={g.id}>
              <h3>{g.name}</h3>
              {g.products.length ? (
                <ul>
                  {g.products.map((p) => (
                    <li key={p.id}>
                      <a href={portalHref(lang, `/portal/products/${p.id}`)}>{p.name}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{say(lang, 'noRelatedProducts')}</p>
              )}
            </section>
          ))}
        </>
      )}
      <p>
        <a href={portalHref(lang, `/portal/centers/${item.districtCode}`)}>
          {say(lang, 'askTheCenter', { name: say(lang, 'districtOf', { name: nameIn(lang, item.districtTh, item.districtEn) }) })}
        </a>
      </p>
    </article>
  );
}

export const wisdomHtml = ({ lang, origin }: Visit, item: PublicWisdom) =>
  renderPage(
    {
      lang,
      path: `/portal/wisdom/${item.id}`,
      title: item.title,
      description: excerpt(item.description || `${nameIn(lang, item.branchTh, item.branchEn)} · ${placeText(lang, item)}`),
      image: item.imageIds[0] ? `/portal/images/${item.imageIds[0]}` : undefined,
      section: 'wisdom',
    },
    origin,
    <WisdomPage lang={lang} item={item} />,
  );
