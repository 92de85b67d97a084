/**
 * The service request pages: the form (a plain POST form that works without script on a phone), the status page a
 * follow link opens, the page to paste a follow link into, and the short answers (received, too large, too many).
 */
import type { ReactNode } from 'react';
import type { RequestStatus } from '#shared/requests';
import type { FieldErrors, FieldName, RequestForm } from '../request-form';
import { HONEYPOT, LIMITS } from '../request-form';
import type { FormOptions, followRequest } from '../requests.service';
import { dateIn, type Lang, nameIn, portalHref, say, type Word } from '../words';
import { renderPage } from './page';
import type { Visit } from './pages';

type Followed = NonNullable<Awaited<ReturnType<typeof followRequest>>>;

const FORM_PATH = '/portal/requests/new';
const FOLLOW_PATH = '/portal/requests/follow';

/** The day in Thailand of an instant (UTC+7 all year: no daylight saving). */
const thaiDay = (at: string) => new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10);

function Required({ lang }: { lang: Lang }) {
  return (
    <span className="required">
      {' '}
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{lang === 'th' ? '(ต้องกรอก)' : '(required)'}</span>
    </span>
  );
}

/** A field's label, hint and message, with the ids that tie them to its control. */
function Field(props: {
  lang: Lang;
  id: string;
  label: Word;
  hint?: string;
  error?: FieldErrors[FieldName];
  children: ReactNode;
}) {
  const { lang, id, error } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {say(lang, props.label)}
        <Required lang={lang} />
      </label>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {say(lang, error.word, error.params)}
        </p>
      )}
    </div>
  );
}

/** The attributes that tell assistive technology about a control's hint and message. */
const described = (id: string, hint: boolean, error: unknown) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
});

const FIELD_IDS: Record<FieldName, string> = {
  name: 'req-name',
  phone: 'req-phone',
  district: 'req-district',
  subject: 'req-subject',
  description: 'req-description',
  consent: 'req-consent',
};

export function RequestFormPage(props: { lang: Lang; form: RequestForm; errors: FieldErrors; options: FormOptions }) {
  const { lang, form, errors, options } = props;
  const wrong = (Object.keys(FIELD_IDS) as FieldName[]).filter((f) => errors[f]);
  return (
    <>
      <h1>{say(lang, 'reqTitle')}</h1>
      <p>{say(lang, 'reqIntro')}</p>
      <p>
        <a href={portalHref(lang, FOLLOW_PATH)}>{say(lang, 'reqFollowExisting')}</a>
      </p>
      {wrong.length > 0 && (
        <div className="error-summary" role="alert">
          <h2>{say(lang, 'reqErrorSummary', { n: wrong.length })}</h2>
          <ul>
            {wrong.map((f) => (
              <li key={f}>
                <a href={`#${FIELD_IDS[f]}`}>{say(lang, errors[f]!.word, errors[f]!.params)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* The server's messages, in the page's language beside each field, rather than the browser's bubbles. */}
      <form className="request-form" method="post" action={portalHref(lang, '/portal/requests')} noValidate>
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <p className="hint">{say(lang, 'reqRequiredNote')}</p>
        <Field lang={lang} id="req-name" label="reqName" error={errors.name}>
          <input
            id="req-name"
            name="name"
            type="text"
            autoComplete="name"
            required
            maxLength={LIMITS.name}
            defaultValue={form.name}
            {...described('req-name', false, errors.name)}
          />
        </Field>
        <Field lang={lang} id="req-phone" label="reqPhone" hint={say(lang, 'reqPhoneHint')} error={errors.phone}>
          <input
            id="req-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            maxLength={LIMITS.phone}
            defaultValue={form.phone}
            {...described('req-phone', true, errors.phone)}
          />
        </Field>
        <CenterChoice lang={lang} form={form} error={errors.district} options={options} />
        <Field lang={lang} id="req-subject" label="reqSubject" error={errors.subject}>
          <select
            id="req-subject"
            name="subject"
            required
            defaultValue={form.subject}
            {...described('req-subject', false, errors.subject)}
          >
            <option value="">{say(lang, 'reqChooseSubject')}</option>
            {options.subjects.map((s) => (
              <option key={s.code} value={s.code}>
                {nameIn(lang, s.nameTh, s.nameEn)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          lang={lang}
          id="req-description"
          label="reqDescription"
          hint={say(lang, 'reqDescriptionHint', { max: LIMITS.description })}
          error={errors.description}
        >
          <textarea
            id="req-description"
            name="description"
            rows={6}
            required
            maxLength={LIMITS.description}
            defaultValue={form.description}
            {...described('req-description', true, errors.description)}
          />
        </Field>
        <section className="notice" aria-labelledby="req-privacy">
          <h2 id="req-privacy">{say(lang, 'reqPrivacyTitle')}</h2>
          <p>{say(lang, 'reqPrivacy', { years: options.retentionYears })}</p>
        </section>
        <div className="field">
          <div className="check">
            <input
              id="req-consent"
              name="consent"
              type="checkbox"
              required
              defaultChecked={form.consent}
              {...described('req-consent', false, errors.consent)}
            />
            <label htmlFor="req-consent">
              {say(lang, 'reqConsent')}
              <Required lang={lang} />
            </label>
          </div>
          {errors.consent && (
            <p className="field-error" id="req-consent-error">
              {say(lang, errors.consent.word)}
            </p>
          )}
        </div>
        {/* Robots fill every field they find; people never see this one. */}
        <div className="hp" aria-hidden="true">
          <label htmlFor="req-hp">{say(lang, 'reqHoneypot')}</label>
          <input id="req-hp" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit">{say(lang, 'reqSubmit')}</button>
      </form>
    </>
  );
}

/**
 * Province, then district, without script: the province's "show districts" button sends the form back to be drawn
 * again with that province's districts (the values typed so far kept, nothing checked or stored), so a phone shows a
 * short list of districts instead of all 878.
 */
function CenterChoice(props: { lang: Lang; form: RequestForm; error?: FieldErrors[FieldName]; options: FormOptions }) {
  const { lang, form, error, options } = props;
  const hasDistricts = options.districts.length > 0;
  return (
    <fieldset>
      <legend>
        {say(lang, 'reqWhere')}
        <Required lang={lang} />
      </legend>
      <div className="field">
        <label htmlFor="req-province">{say(lang, 'province')}</label>
        <div className="inline">
          <select id="req-province" name="province" defaultValue={form.province}>
            <option value="">{say(lang, 'reqChooseProvince')}</option>
            {options.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {nameIn(lang, p.nameTh, p.nameEn)}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="province" className="secondary">
            {say(lang, 'reqShowDistricts')}
          </button>
        </div>
      </div>
      <Field
        lang={lang}
        id="req-district"
        label="district"
        hint={hasDistricts ? undefined : say(lang, 'reqChooseProvinceFirst')}
        error={error}
      >
        <select
          id="req-district"
          name="district"
          required
          defaultValue={form.district}
          {...described('req-district', !hasDistricts, error)}
        >
          <option value="">{say(lang, 'reqChooseDistrict')}</option>
          {options.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {nameIn(lang, d.nameTh, d.nameEn)}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}

/** The follow link of a request, as an absolute URL to keep. */
export const followLink = (visit: Visit, code: string, token: string) =>
  visit.origin + portalHref(visit.lang, `/portal/requests/${code}`, { k: token });

const STATUS_WORD = (status: RequestStatus) => `reqStatus_${status}` as Word;

export function RequestStatusPage(props: Followed & { visit: Visit; token: string }) {
  const { visit, request, center, subject, token } = props;
  const { lang } = visit;
  const link = followLink(visit, request.referenceCode, token);
  const next =
    request.status === 'new' ? 'reqNextNew' : ['referred', 'declined'].includes(request.status) ? 'reqNextAskCenter' : null;
  return (
    <>
      <h1>
        {say(lang, 'reqReferenceCode')} <span className="refcode">{request.referenceCode}</span>
      </h1>
      <p className="status-now" data-status={request.status}>
        <strong>{say(lang, STATUS_WORD(request.status))}</strong>
        {next && ` — ${say(lang, next)}`}
      </p>
      {request.status === 'done' && request.serviceDate && (
        <p>{say(lang, 'reqServiceGiven', { date: dateIn(lang, request.serviceDate) })}</p>
      )}
      <dl className="facts">
        <dt>{say(lang, 'reqCenter')}</dt>
        <dd>
          {center ? (
            <a href={portalHref(lang, `/portal/centers/${center.code}`)}>{nameIn(lang, center.nameTh, center.nameEn)}</a>
          ) : (
            request.orgUnitCode
          )}
        </dd>
        <dt>{say(lang, 'reqSubject')}</dt>
        <dd>{subject}</dd>
        <dt>{say(lang, 'reqReceivedOn')}</dt>
        <dd>{dateIn(lang, request.receivedOn)}</dd>
        <dt>{say(lang, 'reqStatus')}</dt>
        <dd>{say(lang, STATUS_WORD(request.status))}</dd>
      </dl>
      <h2>{say(lang, 'reqHistory')}</h2>
      <ol className="history">
        {request.history.map((h) => (
          <li key={`${h.at}-${h.status}`}>
            <time dateTime={thaiDay(h.at)}>{dateIn(lang, thaiDay(h.at))}</time> — {say(lang, STATUS_WORD(h.status))}
          </li>
        ))}
      </ol>
      <section className="notice" aria-labelledby="req-keep">
        <h2 id="req-keep">{say(lang, 'reqKeepLink')}</h2>
        <p>{say(lang, 'reqKeepLinkText')}</p>
        <dl className="facts">
          <dt>{say(lang, 'reqFollowLink')}</dt>
          <dd>
            <a href={link}>{link}</a>
          </dd>
          <dt>{say(lang, 'reqReferenceCode')}</dt>
          <dd>{request.referenceCode}</dd>
          <dt>{say(lang, 'reqFollowKey')}</dt>
          <dd>
            <code>{token}</code>
          </dd>
        </dl>
      </section>
    </>
  );
}

export function FollowPage(props: { lang: Lang; link: string; code: string; followKey: string; invalid: boolean }) {
  const { lang, invalid } = props;
  const error = invalid ? { word: 'reqFollowInvalid' as Word } : undefined;
  return (
    <>
      <h1>{say(lang, 'reqFollowTitle')}</h1>
      <p>{say(lang, 'reqFollowIntro')}</p>
      {invalid && (
        <p className="error-summary" role="alert">
          {say(lang, 'reqFollowInvalid')}
        </p>
      )}
      <form className="request-form" method="get" action={FOLLOW_PATH}>
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <div className="field">
          <label htmlFor="follow-link">{say(lang, 'reqFollowLink')}</label>
          <input
            id="follow-link"
            name="link"
            type="text"
            inputMode="url"
            autoComplete="off"
            maxLength={500}
            defaultValue={props.link}
            {...described('follow-link', false, error)}
          />
        </div>
        <fieldset>
          <legend>{say(lang, 'reqFollowOr')}</legend>
          <div className="field">
            <label htmlFor="follow-code">{say(lang, 'reqReferenceCode')}</label>
            <input
              id="follow-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              placeholder="3401-2570-0001"
              defaultValue={props.code}
            />
          </div>
          <div className="field">
            <label htmlFor="follow-key">{say(lang, 'reqFollowKey')}</label>
            <input id="follow-key" name="k" type="text" autoComplete="off" maxLength={100} defaultValue={props.followKey} />
          </div>
        </fieldset>
        <button type="submit">{say(lang, 'reqFollowButton')}</button>
      </form>
    </>
  );
}

/** A short answer with a way back to the form: received (a robot's), too large, too many, not sent. */
export function MessagePage(props: { lang: Lang; title: Word; text: string }) {
  const { lang } = props;
  return (
    <>
      <h1>{say(lang, props.title)}</h1>
      <p>{props.text}</p>
      <p>
        <a href={portalHref(lang, FORM_PATH)}>{say(lang, 'reqBackToForm')}</a>
      </p>
    </>
  );
}

const page = (visit: Visit, path: string, title: string, description: string, body: ReactNode, params?: Record<string, string>) =>
  renderPage({ lang: visit.lang, path, params, title, description, section: 'request' }, visit.origin, body);

export const requestFormHtml = (
  visit: Visit,
  data: { form: RequestForm; errors: FieldErrors; options: FormOptions; district?: string },
) =>
  page(
    visit,
    FORM_PATH,
    say(visit.lang, 'reqTitle'),
    say(visit.lang, 'reqIntro'),
    <RequestFormPage lang={visit.lang} form={data.form} errors={data.errors} options={data.options} />,
    data.district ? { district: data.district } : undefined,
  );

export const requestStatusHtml = (visit: Visit, data: Followed & { token: string }) =>
  page(
    visit,
    `/portal/requests/${data.request.referenceCode}`,
    say(visit.lang, 'reqStatusTitle', { code: data.request.referenceCode }),
    say(visit.lang, STATUS_WORD(data.request.status)),
    <RequestStatusPage visit={visit} {...data} />,
    { k: data.token },
  );

export const followHtml = (visit: Visit, data: { link: string; code: string; key: string; invalid: boolean }) =>
  page(
    visit,
    FOLLOW_PATH,
    say(visit.lang, 'reqFollowTitle'),
    say(visit.lang, 'reqFollowIntro'),
    <FollowPage lang={visit.lang} link={data.link} code={data.code} followKey={data.key} invalid={data.invalid} />,
  );

export const messageHtml = (visit: Visit, title: Word, text: string) =>
  page(visit, FORM_PATH, say(visit.lang, title), text, <MessagePage lang={visit.lang} title={title} text={text} />);
