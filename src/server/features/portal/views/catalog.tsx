/** The OTOP catalog pages: the searchable, filtered list and a product. */
import { formatBaht } from '#shared/thai/money';
import type { Category, ProductCard, PublicProduct } from '../catalog';
import type { Place, PlaceFilter } from '../places';
import { dateIn, type Lang, nameIn, portalHref, say, type Word } from '../words';
import { Photos, PlaceFields, placeText, placeTitle, SelectField } from './filters';
import { excerpt } from './news';
import { Pager, renderPage } from './page';
import type { Visit } from './pages';

const CATEGORY_WORDS: Record<Category, Word> = {
  food: 'categoryFood',
  beverage: 'categoryBeverage',
  textile: 'categoryTextile',
  household_souvenir: 'categoryHouseholdSouvenir',
  herbal_non_food: 'categoryHerbalNonFood',
};
export const CATEGORIES = Object.keys(CATEGORY_WORDS) as Category[];

export interface CatalogPage {
  q?: string;
  category?: Category;
  stars?: number;
  standard?: string;
  standards: { code: string; nameTh: string; nameEn: string }[];
  provinces: Place[];
  place: PlaceFilter;
  items: ProductCard[];
  page: number;
  hasNext: boolean;
}

/** "1,250.00 บาท ต่อผืน", or a note when the producer gave no price. */
function priceText(lang: Lang, p: { priceSatang: bigint | null; unit: string | null }) {
  if (p.priceSatang === null) return say(lang, 'priceOnRequest');
  const price = say(lang, 'baht', { amount: formatBaht(p.priceSatang) });
  return p.unit ? `${price} ${say(lang, 'perUnit', { unit: p.unit })}` : price;
}

/** Stars drawn for the eye, counted in words for a screen reader. */
function Stars(props: { lang: Lang; n: number }) {
  return (
    <span className="stars">
      <span aria-hidden="true">{'★'.repeat(props.n)}</span> {say(props.lang, 'starCount', { n: props.n })}
    </span>
  );
}

/** A group by its name; a sole proprietor or SME by its registration number only (never the owner's name). */
const producerText = (lang: Lang, p: { groupName: string | null; registrationNo: string }) =>
  p.groupName ?? say(lang, 'producerRegistration', { no: p.registrationNo });

function CatalogSearch(props: { lang: Lang; data: CatalogPage }) {
  const { lang, data } = props;
  return (
    <search>
      <form className="search" method="get" action="/portal/products">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <div>
          <label htmlFor="catalog-q">{say(lang, 'productSearchLabel')}</label>
          <input
            id="catalog-q"
            name="q"
            type="search"
            defaultValue={data.q}
            placeholder={say(lang, 'productSearchPlaceholder')}
            maxLength={100}
          />
        </div>
        <SelectField
          id="catalog-category"
          name="category"
          label={say(lang, 'category')}
          all={say(lang, 'allCategories')}
          value={data.category}
          options={CATEGORIES.map((c) => ({ value: c, label: say(lang, CATEGORY_WORDS[c]) }))}
        />
        <PlaceFields lang={lang} idPrefix="catalog" provinces={data.provinces} place={data.place} />
        <SelectField
          id="catalog-stars"
          name="stars"
          label={say(lang, 'stars')}
          all={say(lang, 'anyStars')}
          value={data.stars ? String(data.stars) : undefined}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: say(lang, 'starCount', { n }) }))}
        />
        <SelectField
          id="catalog-standard"
          name="standard"
          label={say(lang, 'standard')}
          all={say(lang, 'anyStandard')}
          value={data.standard}
          options={data.standards.map((s) => ({ value: s.code, label: nameIn(lang, s.nameTh, s.nameEn) }))}
        />
        <button type="submit">{say(lang, 'search')}</button>
      </form>
    </search>
  );
}

export function ProductCards(props: { lang: Lang; items: ProductCard[] }) {
  const { lang, items } = props;
  return (
    <ul className="cards">
      {items.map((p) => (
        <li key={p.id} className="card">
          {p.imageId && <img src={`/portal/images/${p.imageId}/thumbnail`} alt="" loading="lazy" width={320} height={240} />}
          <h3>
            <a href={portalHref(lang, `/portal/products/${p.id}`)}>{p.name}</a>
          </h3>
          <p>
            <strong>{priceText(lang, p)}</strong>
            {p.stars ? (
              <>
                {' · '}
                <Stars lang={lang} n={p.stars} />
              </>
            ) : null}
          </p>
          <p className="muted">
            <span className="badge">{say(lang, CATEGORY_WORDS[p.category])}</span> {producerText(lang, p)} · {placeText(lang, p)}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function catalogHtml({ lang, origin }: Visit, data: CatalogPage) {
  const title = say(lang, 'catalogOf', { place: placeTitle(lang, data.place) });
  const filters = {
    q: data.q,
    category: data.category,
    province: data.place.province?.code,
    district: data.place.district?.code,
    stars: data.stars,
    standard: data.standard,
  };
  return renderPage(
    {
      lang,
      path: '/portal/products',
      params: { ...filters, page: data.page > 1 ? data.page : undefined },
      title,
      description: say(lang, 'catalogIntro'),
      section: 'catalog',
    },
    origin,
    <>
      <h1>{title}</h1>
      <p>{say(lang, 'catalogIntro')}</p>
      <CatalogSearch lang={lang} data={data} />
      <p role="status">{data.items.length ? (data.q ? say(lang, 'resultsFor', { q: data.q }) : '') : say(lang, 'noProducts')}</p>
      <ProductCards lang={lang} items={data.items} />
      <Pager lang={lang} path="/portal/products" params={filters} page={data.page} hasNext={data.hasNext} />
    </>,
  );
}

function ProductPage(props: { lang: Lang; product: PublicProduct }) {
  const { lang, product: p } = props;
  const placeLine = placeText(lang, p);
  return (
    <article>
      <p className="muted">
        <a href={portalHref(lang, '/portal/products')}>{say(lang, 'catalog')}</a> ›{' '}
        <a href={portalHref(lang, '/portal/products', { category: p.category })}>{say(lang, CATEGORY_WORDS[p.category])}</a>
      </p>
      <h1>{p.name}</h1>
      <p className="price">
        <strong>{priceText(lang, p)}</strong>
      </p>
      {p.rating && (
        <p>
          <Stars lang={lang} n={p.rating.stars} />{' '}
          <span className="muted">({say(lang, 'opcRound', { year: lang === 'th' ? p.rating.year : p.rating.year - 543 })})</span>
        </p>
      )}
      <Photos lang={lang} title={p.name} ids={p.imageIds} />
      {p.description && <p className="post-body">{p.description}</p>}
      {p.story && (
        <>
          <h2>{say(lang, 'story')}</h2>
          <div className="post-body">{p.story}</div>
        </>
      )}
      <h2>{say(lang, 'certificates')}</h2>
      {p.certificates.length ? (
        <ul className="cards">
          {p.certificates.map((c) => (
            <li key={c.id} className="card">
              <h3>{nameIn(lang, c.standardTh, c.standardEn)}</h3>
              <dl className="facts">
                <dt>{say(lang, 'certificateNo')}</dt>
                <dd>{c.certificateNo}</dd>
                <dt>{say(lang, 'issuer')}</dt>
                <dd>{c.issuer}</dd>
                <dt>{say(lang, 'validUntil')}</dt>
                <dd>{c.expiresOn ? dateIn(lang, c.expiresOn) : say(lang, 'noExpiry')}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{say(lang, 'noCertificates')}</p>
      )}
      <h2>{say(lang, 'producer')}</h2>
      <dl className="facts">
        <dt>{say(lang, 'madeBy')}</dt>
        <dd>{producerText(lang, p)}</dd>
        <dt>{say(lang, 'location')}</dt>
        <dd>
          <a href={portalHref(lang, '/portal/products', { district: p.districtCode })}>{placeLine}</a>
        </dd>
        <dt>{say(lang, 'contact')}</dt>
        <dd>{p.publicContact ?? say(lang, 'noContact')}</dd>
      </dl>
      <h2>{say(lang, 'whereToBuy')}</h2>
      {p.channels.length ? (
        <>
          <p>{say(lang, 'channelsIntro')}</p>
          <ul>
            {p.channels.map((c) => (
              <li key={c.code}>{nameIn(lang, c.nameTh, c.nameEn)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{say(lang, 'noChannels')}</p>
      )}
      {p.center && (
        <p>
          <a href={portalHref(lang, `/portal/centers/${p.center.code}`)}>{nameIn(lang, p.center.nameTh, p.center.nameEn)}</a>
          {p.center.address && (
            <>
              <br />
              {p.center.address}
            </>
          )}
        </p>
      )}
      {p.wisdom.length > 0 && (
        <>
          <h2>{say(lang, 'wisdomBehind')}</h2>
          <ul>
            {p.wisdom.map((w) => (
              <li key={w.id}>
                <a href={portalHref(lang, `/portal/wisdom/${w.id}`)}>{w.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

export const productHtml = ({ lang, origin }: Visit, product: PublicProduct) =>
  renderPage(
    {
      lang,
      path: `/portal/products/${product.id}`,
      title: product.name,
      description: excerpt(product.description || product.story || `${product.name} · ${placeText(lang, product)}`),
      image: product.imageIds[0] ? `/portal/images/${product.imageIds[0]}` : undefined,
      section: 'catalog',
    },
    origin,
    <ProductPage lang={lang} product={product} />,
  );
