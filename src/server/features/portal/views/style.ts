/**
 * The portal's whole stylesheet, inlined in each page: one round trip less on a slow phone connection, and small
 * enough (~4 KB) that caching it apart would not pay. Colours meet WCAG AA on white (teal #087f5b is 5.4:1).
 */
export const PORTAL_CSS = `
@font-face{font-family:Sarabun;font-weight:400;font-display:swap;src:url(/portal/fonts/sarabun-thai-400.woff2) format('woff2');unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC}
@font-face{font-family:Sarabun;font-weight:700;font-display:swap;src:url(/portal/fonts/sarabun-thai-700.woff2) format('woff2');unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC}
@font-face{font-family:Sarabun;font-weight:400;font-display:swap;src:url(/portal/fonts/sarabun-latin-400.woff2) format('woff2');unicode-range:U+0000-00FF,U+2000-206F}
@font-face{font-family:Sarabun;font-weight:700;font-display:swap;src:url(/portal/fonts/sarabun-latin-700.woff2) format('woff2');unicode-range:U+0000-00FF,U+2000-206F}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;overflow-wrap:anywhere;font-family:Sarabun,'Noto Sans Thai',Tahoma,sans-serif;font-size:17px;line-height:1.6;color:#212529;background:#f8f9fa}
a{color:#0b6e50}
a:hover{color:#064e39}
img{max-width:100%;height:auto}
.skip{position:absolute;left:-999px}
.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header{background:#087f5b;color:#fff}
header a{color:#fff}
header a:hover{color:#e6fcf5}
.bar{max-width:1100px;margin:0 auto;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center}
.brand{font-weight:700;font-size:22px;text-decoration:none;margin-right:auto}
.brand small{display:block;font-size:13px;font-weight:400;line-height:1.3}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav a{text-decoration:none;padding:6px 0;display:inline-block}
nav a[aria-current=page]{text-decoration:underline;text-underline-offset:6px}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:28px;line-height:1.3;margin:8px 0 12px}
h2{font-size:22px;line-height:1.3;margin:24px 0 8px}
h3{font-size:18px;margin:0 0 4px}
.muted{color:#5c636a}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}
.card{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:14px}
.card img{border-radius:6px;display:block;margin-bottom:8px;aspect-ratio:4/3;object-fit:cover;width:100%}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
@media(max-width:600px){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:6px}}
form.search{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 16px;align-items:flex-end}
form.search>div{min-width:0;max-width:100%}
label{display:block;font-weight:700;margin-bottom:4px}
input,select,textarea{font:inherit;padding:8px 10px;border:1px solid #868e96;border-radius:6px;background:#fff;max-width:100%}
input:focus,select:focus,textarea:focus,a:focus,button:focus{outline:3px solid #f59f00;outline-offset:2px}
button,.button{font:inherit;font-weight:700;padding:8px 16px;border:0;border-radius:6px;background:#087f5b;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button:hover,.button:hover{background:#066649;color:#fff}
.map svg{width:100%;max-width:420px;height:auto;display:block}
.map path{fill:#b2f2bb;stroke:#fff;stroke-width:.6}
.map a:hover path,.map a:focus path{fill:#087f5b}
.map path.empty{fill:#dee2e6}
.columns{display:grid;gap:16px;grid-template-columns:1fr}
@media(min-width:800px){.columns{grid-template-columns:minmax(0,420px) 1fr}}
ul.plain{list-style:none;padding:0;margin:0}
ul.provinces{columns:2 160px;padding-left:18px}
.pager{display:flex;gap:16px;margin:16px 0}
.badge{display:inline-block;background:#e6fcf5;color:#064e39;border-radius:4px;padding:0 6px;font-size:14px;margin:0 4px 4px 0}
footer{max-width:1100px;margin:24px auto 0;padding:16px;color:#5c636a;font-size:14px;border-top:1px solid #dee2e6}
.post-body{white-space:pre-line}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.request-form{max-width:640px}
.request-form input:not([type=checkbox]),.request-form select,.request-form textarea{width:100%}
.field{margin:0 0 16px}
.hint{font-size:15px;color:#5c636a;margin:0 0 4px}
.required{color:#c92a2a}
.field-error{color:#c92a2a;font-weight:700;margin:4px 0 0}
[aria-invalid=true]{border:2px solid #c92a2a}
.error-summary{background:#fff;border:3px solid #c92a2a;border-radius:8px;padding:8px 16px;margin:0 0 16px}
.error-summary h2{font-size:18px;margin:4px 0}
fieldset{border:1px solid #dee2e6;border-radius:8px;margin:0 0 16px;padding:8px 12px 0;background:#fff}
legend{font-weight:700;padding:0 4px}
.inline{display:flex;flex-wrap:wrap;gap:8px}
.inline select{flex:1 1 200px;width:auto}
button.secondary{background:#fff;color:#0b6e50;border:2px solid #087f5b}
button.secondary:hover{background:#e6fcf5;color:#064e39}
.check{display:flex;gap:10px;align-items:flex-start}
.check input{width:22px;height:22px;margin-top:4px;flex:none}
.check label{font-weight:400}
.notice{background:#fff;border:1px solid #dee2e6;border-left:6px solid #087f5b;border-radius:6px;padding:4px 16px 12px;margin:16px 0}
.notice h2{font-size:18px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.refcode{display:inline-block;font-size:32px;letter-spacing:1px;font-variant-numeric:tabular-nums}
.status-now{font-size:20px;background:#e6fcf5;border-radius:6px;padding:8px 12px}
ol.history{padding-left:22px}
code{overflow-wrap:anywhere}
`;
