import type { CenterSummary, getCenter, NewsItem, provincesWithCenters } from '../portal.service';
import { dateIn, type Lang, nameIn, portalHref, say } from '../words';
import { ProvinceMap } from './province-map';

type Provinces = Awaited<ReturnType<typeof provincesWithCenters>>;

export function CenterSearch(props: { lang: Lang; q?: string; province?: string; provinces: Provinces }) {
  const { lang } = props;
  return (
    <search>
      <form className="search" method="get" action="/portal/centers">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <div>
          <label htmlFor="center-q">{say(lang, 'centerSearchLabel')}</label>
          <input id="center-q" name="q" type="search" defaultValue={props.q} maxLength={100} />
        </div>
        <div>
          <label htmlFor="center-province">{say(lang, 'province')}</label>
          <select id="center-province" name="province" defaultValue={props.province ?? ''}>
            <option value="">{say(lang, 'allProvinces')}</option>
            {props.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {nameIn(lang, p.nameTh, p.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{say(lang, 'search')}</button>
      </form>
    </search>
  );
}

/** The directory's first view: the map and every province with its number of centers. */
export function ProvinceIndex(props: { lang: Lang; provinces: Provinces }) {
  const { lang, provinces } = props;
  return (
    <div className="columns">
      <ProvinceMap lang={lang} provinces={provinces} />
      <ul className="provinces">
        {provinces.map((p) => (
          <li key={p.code}>
            <a href={portalHref(lang, '/portal/centers', { province: p.code })}>{nameIn(lang, p.nameTh, p.nameEn)}</a>{' '}
            <span className="muted">({say(lang, 'centerCount', { n: p.centers })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CenterCards(props: { lang: Lang; centers: CenterSummary[] }) {
  const { lang, centers } = props;
  if (!centers.length) return <p>{say(lang, 'noCenters')}</p>;
  return (
    <ul className="cards">
      {centers.map((c) => (
        <li key={c.code} className="card">
          <h3>
            <a href={portalHref(lang, `/portal/centers/${c.code}`)}>{nameIn(lang, c.nameTh, c.nameEn)}</a>
          </h3>
          <p className="muted">
            {say(lang, 'districtNamed', { name: nameIn(lang, c.districtTh, c.districtEn) })} ·{' '}
            {nameIn(lang, c.provinceTh, c.provinceEn)}
          </p>
          {c.officeAddress ? <p>{c.officeAddress}</p> : <p className="muted">{say(lang, 'noProfile')}</p>}
          {c.phone && (
            <p>
              {say(lang, 'phone')}: <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

type Center = NonNullable<Awaited<ReturnType<typeof getCenter>>>;

export function CenterPage(props: { lang: Lang; data: Center; news: NewsItem[] }) {
  const { lang, data, news } = props;
  const { center, profile } = data;
  return (
    <>
      <h1>{nameIn(lang, center.nameTh, center.nameEn)}</h1>
      <p className="muted">
        {say(lang, 'districtNamed', { name: nameIn(lang, center.districtTh, center.districtEn) })} ·{' '}
        <a href={portalHref(lang, '/portal/centers', { province: center.provinceCode ?? '' })}>
          {nameIn(lang, center.provinceTh, center.provinceEn)}
        </a>
      </p>
      {profile ? (
        <dl className="facts">
          <dt>{say(lang, 'address')}</dt>
          <dd>{profile.officeAddress}</dd>
          {profile.serviceArea && (
            <>
              <dt>{say(lang, 'serviceArea')}</dt>
              <dd>{profile.serviceArea}</dd>
            </>
          )}
          <dt>{say(lang, 'hours')}</dt>
          <dd>{profile.openingHours || say(lang, 'notRecorded')}</dd>
          <dt>{say(lang, 'phone')}</dt>
          <dd>
            {profile.phone ? (
              <a href={`tel:${profile.phone.replace(/[^\d+]/g, '')}`}>{profile.phone}</a>
            ) : (
              say(lang, 'notRecorded')
            )}
          </dd>
          {profile.email && (
            <>
              <dt>{say(lang, 'email')}</dt>
              <dd>
                <a href={`mailto:${profile.email}`}>{profile.email}</a>
              </dd>
            </>
          )}
          <dt>{say(lang, 'committeeChair')}</dt>
          <dd>{data.chair ? [data.chair.name, data.chair.title].filter(Boolean).join(' — ') : say(lang, 'notRecorded')}</dd>
        </dl>
      ) : (
        <p>{say(lang, 'noProfile')}</p>
      )}
      <p>
        <a className="button" href={portalHref(lang, '/portal/requests/new', { district: center.code })}>
          {say(lang, 'askThisCenter')}
        </a>
      </p>
      <h2>{say(lang, 'servicesOffered')}</h2>
      <ul>
        {data.services.map((s) => (
          <li key={s.code}>
            {nameIn(lang, s.nameTh, s.nameEn)}
            {s.times > 0 && (
              <span className="muted">
                {' '}
                — {say(lang, 'servicesThisYear', { n: s.times, year: lang === 'th' ? data.fiscalYear : data.fiscalYear - 543 })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={portalHref(lang, '/portal/products', { district: center.code })}>{say(lang, 'centerProducts')}</a> ·{' '}
        <a href={portalHref(lang, '/portal/wisdom', { district: center.code })}>{say(lang, 'centerWisdom')}</a>
      </p>
      <h2>{say(lang, 'centerNews')}</h2>
      {news.length ? (
        <ul className="plain">
          {news.map((n) => (
            <li key={n.id}>
              <a href={portalHref(lang, `/portal/news/${n.id}`)}>{n.title}</a>{' '}
              <span className="muted">{dateIn(lang, n.publishedOn)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{say(lang, 'noNews')}</p>
      )}
    </>
  );
}
