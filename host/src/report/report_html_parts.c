/*
 * report_html_parts.c - the parts of the HTML report that do not depend on
 * a run: escaping, the stylesheet, marker and band colours
 * (report_html_parts.h).
 */
#include "report_html_parts.h"

#include <string.h>

#include "json_writer.h"

static const cs_html_colour known_colours[] = {
    {"anonymous", "#ff9e9e", "#9b1c1c"},     /* red */
    {"vague", "#ffc27a", "#8f4300"},         /* orange */
    {"unverified", "#f2a7e6", "#85197a"},    /* magenta */
    {"hedged", "#ffe45c", "#705600"},        /* yellow */
    {"social", "#c6b3ff", "#4b2fb0"},        /* violet */
    {"media", "#8ccfff", "#0f5490"},         /* sky blue */
    {"institutional", "#7fe3cf", "#0a6556"}, /* teal */
    {"on_record", "#b8e86e", "#356312"},     /* green */
};

static const cs_html_colour extra_colours[] = {
    {NULL, "#d6c1a4", "#6b4a1c"}, /* tan */
    {NULL, "#c5d0dc", "#34495e"}, /* slate */
    {NULL, "#f6b7a6", "#8c2f16"}, /* salmon */
    {NULL, "#d7e7a1", "#4f5f10"}, /* olive */
    {NULL, "#b9c7ff", "#2d3f9e"}, /* periwinkle */
    {NULL, "#e7c3f0", "#6a2a7d"}, /* lilac */
};

const cs_html_colour *cs_html_marker_colour(const cs_config *cfg, size_t m)
{
    const char *name = cfg->markers[m].name;
    size_t nk = sizeof known_colours / sizeof known_colours[0];
    for (size_t i = 0; name && i < nk; i++)
        if (strcmp(name, known_colours[i].name) == 0)
            return &known_colours[i];
    /* user markers: the next fallback colour in configuration order */
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        int is_known = 0;
        for (size_t j = 0; cfg->markers[i].name && j < nk; j++)
            is_known |= strcmp(cfg->markers[i].name, known_colours[j].name) == 0;
        k += !is_known;
    }
    return &extra_colours[k % (sizeof extra_colours / sizeof extra_colours[0])];
}

int cs_html_safe_name(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static const char css[] =
    ":root{color-scheme:light;--ink:#1b1c20;--muted:#575b63;--line:#d8dbe0;--paper:#fff;"
    "--bg:#eef0f3;--focus:#1142c4}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif}\n"
    "a{color:#1a47b8}\n"
    "a:focus-visible,mark.f:focus{outline:3px solid var(--focus);outline-offset:2px}\n"
    ".page{display:grid;grid-template-columns:minmax(0,1fr) 17.5rem;gap:1.25rem;"
    "max-width:80rem;margin:0 auto;padding:1.25rem}\n"
    ".top{grid-column:1/-1}\n"
    ".top h1{font-size:1.45rem;margin:0 0 .2rem}\n"
    ".meta{color:var(--muted);margin:0}\n"
    ".meta b{color:var(--ink)}\n"
    ".hint{color:var(--muted);margin:.3rem 0 0;font-size:.9rem}\n"
    "main{min-width:0;display:flex;flex-direction:column;gap:1.25rem}\n"
    ".toc,.article,.legend,.empty-run{background:var(--paper);border:1px solid var(--line);"
    "border-radius:8px;padding:1rem 1.25rem}\n"
    ".toc h2,.legend h2{font-size:1rem;margin:0 0 .5rem}\n"
    ".toc ol{margin:0;padding-left:1.4rem}\n"
    ".toc li{margin:.15rem 0}\n"
    ".toc .sc{display:inline-block;min-width:2.4em;text-align:center;font-weight:700;"
    "border-radius:3px;padding:0 .3em;margin:0 .4em;color:#111;background:var(--sc)}\n"
    ".article h2{font-size:1.15rem;margin:0 0 .8rem;overflow-wrap:anywhere}\n"
    ".sum{display:flex;flex-wrap:wrap;gap:1rem 2.2rem;align-items:flex-start;"
    "padding-bottom:1rem;border-bottom:1px solid var(--line)}\n"
    ".score .num{font-size:2.5rem;font-weight:700;line-height:1}\n"
    ".score .of{color:var(--muted);margin-left:.15rem}\n"
    ".verdict{display:block;font-weight:650;margin-top:.2rem}\n"
    ".fail{display:inline-block;margin-top:.35rem;padding:.1rem .45rem;border-radius:3px;"
    "background:#fde2e2;color:#7a1010;font-weight:600;font-size:.85rem}\n"
    ".err{margin:.8rem 0 0;padding:.4rem .6rem;border-left:4px solid #c92a2a;"
    "background:#fff0f0}\n"
    ".bar{display:block;height:.5rem;background:#e3e6ea;border-radius:3px;overflow:hidden}\n"
    ".bar>span{display:block;height:100%;background:var(--sc)}\n"
    ".score .bar{width:11rem;margin-top:.45rem;height:.6rem}\n"
    ".s-good{--sc:#2b9348}.s-fair{--sc:#82b62a}.s-poor{--sc:#f08c00}.s-bad{--sc:#d9302c}"
    ".s-flat{--sc:#a7adb5}\n"
    ".facts{display:grid;grid-template-columns:auto auto;gap:.1rem .9rem;margin:0}\n"
    ".facts dt{color:var(--muted)}\n"
    ".facts dd{margin:0;font-weight:600}\n"
    ".mk{border-collapse:collapse;font-size:.9rem}\n"
    ".mk caption{text-align:left;color:var(--muted);padding-bottom:.2rem}\n"
    ".mk th,.mk td{padding:.12rem .55rem .12rem 0;text-align:left}\n"
    ".mk td.n{text-align:right}\n"
    ".mk thead th{color:var(--muted);font-weight:500}\n"
    /* the article text */
    ".body{position:relative;max-width:52rem;padding:1.1rem 0 .4rem 7.4rem;"
    "font:17px/1.7 Georgia,\"DejaVu Serif\",\"Times New Roman\",serif}\n"
    ".body h3{font:700 1.3rem/1.35 Georgia,\"DejaVu Serif\",serif;margin:.2rem 0 .7rem}\n"
    ".body p,.body li{margin:0 0 .85rem}\n"
    ".body li.hd{font-weight:700}\n"
    ".body ul{margin:0 0 .85rem;padding-left:1.4rem}\n"
    ".body blockquote{margin:0 0 .85rem;padding:0 0 0 1rem;border-left:4px solid #b9bec7;"
    "color:#30333a;font-style:italic}\n"
    ".ps{position:absolute;left:0;width:6.4rem;display:flex;align-items:center;gap:.4rem;"
    "margin-top:.5em;font:600 12px/1 system-ui,sans-serif;font-style:normal;color:var(--muted)}\n"
    ".ps .bar{flex:1}\n"
    ".ps b{min-width:1.6em;text-align:right;color:var(--ink)}\n"
    /* highlights */
    "mark{color:inherit;background:none}\n"
    "mark.f,mark.fx,.sw{background:var(--c);color:#111;border-radius:3px;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n"
    "mark.f,mark.fx{padding:.06em .08em}\n"
    "mark.f{position:relative;cursor:help}\n"
    ".neg{text-decoration:underline wavy var(--e);text-decoration-thickness:1.5px;"
    "text-underline-offset:.25em;text-decoration-skip-ink:none}\n"
    ".pos{text-decoration:underline double var(--e);text-underline-offset:.2em;"
    "text-decoration-skip-ink:none}\n"
    "mark mark{box-shadow:0 0 0 1px var(--e)}\n"
    "mark.dup,mark.zero{background:transparent;outline:1.5px dashed var(--e);"
    "outline-offset:-1px}\n"
    "mark.sup{background:#eceef1;text-decoration:line-through 2px #3b3e45}\n"
    "mark.sup::before{content:\"suppressed: \" attr(data-reason);display:inline-block;"
    "max-width:16em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;"
    "vertical-align:middle;margin:0 .3em .1em 0;padding:0 .35em;border-radius:3px;"
    "background:#3b3e45;color:#fff;font:600 11px/1.5 system-ui,sans-serif;font-style:normal}\n"
    "mark.f.empty::before{content:\"\\25C6\";font-size:.7em;color:var(--e)}\n"
    "mark.f::after{content:attr(data-tip);display:none;position:absolute;z-index:30;left:0;"
    "top:calc(100% + 6px);width:max-content;max-width:min(27rem,75vw);white-space:pre-line;"
    "text-align:left;font:400 13px/1.45 system-ui,sans-serif;font-style:normal;color:#fff;"
    "background:#1f2126;border-left:6px solid var(--c);border-radius:5px;padding:.5rem .7rem;"
    "box-shadow:0 4px 16px rgba(0,0,0,.3);pointer-events:none}\n"
    "mark.f:focus::after,mark.f:target::after,"
    "mark.f:hover:not(:has(mark.f:hover))::after{display:block}\n"
    "mark.f:focus,mark.f:hover:not(:has(mark.f:hover)){z-index:31}\n"
    /* findings */
    ".notes{width:100%;border-collapse:collapse;margin-top:1rem;font-size:.88rem}\n"
    ".notes caption{text-align:left;font-weight:700;font-size:1rem;padding:.2rem 0 .4rem}\n"
    ".notes th,.notes td{border-top:1px solid var(--line);padding:.35rem .5rem .35rem 0;"
    "vertical-align:top;text-align:left}\n"
    ".notes thead th{color:var(--muted);font-weight:500}\n"
    ".notes td.n{color:var(--muted);width:2em}\n"
    ".notes td.pt{white-space:nowrap}\n"
    ".notes tr:target{background:#fff7d1}\n"
    ".notes tr.sup .w{text-decoration:line-through}\n"
    ".notes tr.cnt0 .pt{color:var(--muted)}\n"
    ".notes .w{font-family:Georgia,\"DejaVu Serif\",serif}\n"
    ".sw{display:inline-block;padding:0 .35em;font-weight:600;white-space:nowrap}\n"
    ".rule,.src{color:var(--muted);font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;"
    "font-size:.85em}\n"
    ".why{display:block;color:#5a1d1d}\n"
    ".none{color:var(--muted);margin:.8rem 0 0}\n"
    /* legend */
    ".legend{align-self:start;position:sticky;top:1rem;max-height:calc(100vh - 2rem);"
    "overflow:auto;font-size:.85rem}\n"
    ".legend dl{margin:0}\n"
    ".legend dt{margin-top:.6rem}\n"
    ".legend dt .wt{color:var(--muted);margin-left:.4rem}\n"
    ".legend dd{margin:.15rem 0 0;color:#33363c}\n"
    ".legend .key{margin:.2rem 0 .4rem;padding-left:1.1rem}\n"
    ".legend .key li{margin:.2rem 0}\n"
    ".legend .key mark{padding:0 .2em}\n"
    "@media (max-width:60rem){.page{grid-template-columns:minmax(0,1fr)}"
    ".legend{position:static;max-height:none}.body{padding-left:5.6rem}.ps{width:4.9rem}}\n"
    /* paper: no hover, so every mark gets its footnote number */
    "@media print{\n"
    "@page{margin:14mm}\n"
    "body{background:#fff;font-size:10pt}\n"
    ".page{display:block;padding:0;max-width:none}\n"
    ".toc,.article,.legend,.empty-run{border:0;border-radius:0;padding:0;margin:0 0 1.2rem}\n"
    ".legend{position:static;max-height:none;overflow:visible;break-before:page}\n"
    ".article+.article{break-before:page}\n"
    ".body{max-width:none;font-size:11.5pt;padding-left:5.6rem}\n"
    ".ps{width:4.9rem}\n"
    ".hint{display:none}\n"
    "a{color:inherit;text-decoration:none}\n"
    "mark.f::after{content:attr(data-n);display:inline-block;position:static;"
    "vertical-align:super;margin-left:.1em;padding:0;width:auto;max-width:none;"
    "white-space:nowrap;font:700 7pt/1 system-ui,sans-serif;color:#000;background:none;"
    "border:0;box-shadow:none}\n"
    "mark,.sw,.bar,.bar>span,.toc .sc{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    ".pa,.notes tr,.sum{break-inside:avoid}\n"
    "}\n";

const char *cs_html_css(void)
{
    return css;
}

/* HTML escape of character c.  In an attribute (attr) a line break
 * becomes &#10; (the tooltip keeps its lines); in text it stays.  Other
 * controls (C0, DEL, C1) become U+FFFD, as cs_escape_text makes of bytes
 * that are not UTF-8. */
static const char *html_escape_char(unsigned c, char tmp[8], int attr)
{
    (void)tmp;
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\n': return attr ? "&#10;" : NULL;
    case '\t': return attr ? " " : NULL;
    case '\r': return " ";
    default: return c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "&#xFFFD;" : NULL;
    }
}

int cs_html_escape(cs_buf *b, const char *s, size_t n, int attr)
{
    return cs_escape_text(b, s, n, html_escape_char, attr);
}

const char *cs_html_band_class(const cs_config *cfg, double score)
{
    if (cfg->nbands < 2)
        return "s-fair";
    size_t i = 0;
    while (i + 1 < cfg->nbands && score < cfg->bands[i].min)
        i++;
    double t = (double)i / (double)(cfg->nbands - 1);
    return t <= 0 ? "s-good" : t < 0.5 ? "s-fair" : t < 1 ? "s-poor" : "s-bad";
}
