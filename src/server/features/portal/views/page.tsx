import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Lang, portalHref, say, type Word } from '../words';
import { PORTAL_CSS } from './style';

/** What every portal page tells the browser and the sites it is shared on. */
export interface PageMeta {
  lang: Lang;
  /** The page's path without the language, e.g. `/portal/centers/3401`: the canonical URL and the language switch. */
  path: string;
  /** The path's own query (filters), kept by the language switch. */
  params?: Record<string, string | number | undefined>;
  title: string;
  description: string;
  /** An absolute path of a picture for link previews. */
  image?: string;
  /** The section the page belongs to, marked in the menu. */
  section?: Section;
}

export type Section = 'home' | 'centers' | 'wisdom' | 'catalog' | 'news' | 'request';
const SECTIONS: { section: Section; path: string; word: Word }[] = [
  { section: 'centers', path: '/portal/centers', word: 'centers' },
  { section: 'wisdom', path: '/portal/wisdom', word: 'wisdom' },
  { section: 'catalog', path: '/portal/products', word: 'catalog' },
  { section: 'news', path: '/portal/news', word: 'news' },
  { section: 'request', path: '/portal/requests/new', word: 'request' },
];

/**
 * A whole portal page as HTML: rendered on the server with no script at all, so it is readable as soon as it
 * arrives on a slow phone and a link preview sees its title, description and picture.
 * `origin` (scheme and host the visitor used) makes the share URLs absolute.
 */
export function renderPage(meta: PageMeta, origin: string, body: ReactNode): string {
  const { lang } = meta;
  const url = origin + portalHref(lang, meta.path, meta.params);
  const other: Lang = lang === 'th' ? 'en' : 'th';
  const title = `${meta.title} | ${say(lang, 'siteName')}`;
  const html = renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={url} />
        <link rel="alternate" hrefLang="th" href={origin + portalHref('th', meta.path, meta.params)} />
        <link rel="alternate" hrefLang="en" href={origin + portalHref('en', meta.path, meta.params)} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={say(lang, 'siteName')} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={url} />
        <meta property="og:locale" content={lang === 'th' ? 'th_TH' : 'en_US'} />
        {meta.image && <meta property="og:image" content={origin + meta.image} />}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <link rel="preload" href="/portal/fonts/sarabun-thai-400.woff2" as="font" type="font/woff2" crossOrigin="" />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant stylesheet, no user text in it */}
        <style dangerouslySetInnerHTML={{ __html: PORTAL_CSS }} />
      </head>
      <body>
        <a className="skip" href="#content">
          {say(lang, 'skipToContent')}
        </a>
        <header>
          <div className="bar">
            <a className="brand" href={portalHref(lang, '/portal')}>
              {say(lang, 'siteName')}
              <small>{say(lang, 'siteTagline')}</small>
            </a>
            <a href={portalHref(other, meta.path, meta.params)} lang={other} hrefLang={other}>
              {say(lang, 'switchLanguage')}
            </a>
          </div>
          <nav aria-label={say(lang, 'nav')} className="bar">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.section}>
                  <a href={portalHref(lang, s.path)} aria-current={meta.section === s.section ? 'page' : undefined}>
                    {say(lang, s.word)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content">{body}</main>
        <footer>
          <p>{say(lang, 'footer')}</p>
          <p>
            <a href="/login">{say(lang, 'staffSignIn')}</a>
          </p>
        </footer>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}

/** The "not found" page: the same for a missing record and one that is not public, so neither is revealed. */
export function notFoundPage(lang: Lang, origin: string, path: string): string {
  return renderPage({ lang, path, title: say(lang, 'notFound'), description: say(lang, 'notFoundText') }, origin, [
    <h1 key="h">{say(lang, 'notFound')}</h1>,
    <p key="p">{say(lang, 'notFoundText')}</p>,
    <p key="a">
      <a href={portalHref(lang, '/portal')}>{say(lang, 'backHome')}</a>
    </p>,
  ]);
}

/** Previous / next links of a paged list. */
export function Pager(props: {
  lang: Lang;
  path: string;
  params: Record<string, string | number | undefined>;
  page: number;
  hasNext: boolean;
}) {
  const { lang, path, params, page, hasNext } = props;
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label={say(lang, 'pageOf', { page })}>
      {page > 1 && <a href={portalHref(lang, path, { ...params, page: page - 1 })}>← {say(lang, 'previous')}</a>}
      <span>{say(lang, 'pageOf', { page })}</span>
      {hasNext && <a href={portalHref(lang, path, { ...params, page: page + 1 })}>{say(lang, 'next')} →</a>}
    </nav>
  );
}
