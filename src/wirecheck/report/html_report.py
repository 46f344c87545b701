"""One self-contained HTML file: story and source side by side, aligned sentences linked, findings
highlighted by kind with a card each, a legend, the fidelity score and an offline map of the places.

Nothing in the page refers to another file or host: CSS, JavaScript, Leaflet and the map outlines are
inlined, so the report can be mailed, archived or opened from disk without a network.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from wirecheck.kinds import KINDS, FindingKind, Severity
from wirecheck.model import Comparison, Document, Finding, Verdict

# One colour per kind, assigned in KINDS order; chosen to stay apart from each other and to keep dark
# text readable on their light tint.
_PALETTE = (
    "#d62728", "#1f77b4", "#8c564b", "#c2188b", "#393b79", "#e66d00", "#2a8f2a", "#0f8fa3",
    "#9a9a10", "#5a189a", "#e377c2", "#637939", "#a0711c", "#777777", "#843c39", "#3182bd",
)

KIND_COLOUR: dict[FindingKind, str] = {kind: _PALETTE[i % len(_PALETTE)] for i, kind in enumerate(KINDS)}

_ROLE_PREFIX = {"story": "st", "source": "src"}


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _json_for_script(data: Any) -> str:
    """JSON that can sit inside a <script> element whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class _Mark:
    start: int
    end: int
    finding: int
    kind: FindingKind


def _marks_for(doc: Document, findings: list[Finding]) -> list[_Mark]:
    n = len(doc.text)
    out: list[_Mark] = []
    for i, f in enumerate(findings):
        span = f.story if doc.role == "story" else f.source
        if span is None:
            continue
        start, end = max(0, min(n, span.start)), max(0, min(n, span.end))
        if end > start:
            out.append(_Mark(start, end, i, FindingKind(f.kind)))
    return out


def _highlight(doc: Document, start: int, end: int, marks: list[_Mark], findings: list[Finding],
               anchored: set[int]) -> str:
    """``doc.text[start:end]`` with every finding that covers part of it wrapped in <mark> elements.

    The range is cut at every span boundary and each piece opens and closes its own marks (outermost =
    longest span), so nested and crossing spans always give well-formed markup.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {max(start, m.start) for m in inside} | {min(end, m.end) for m in inside})
    role = doc.role
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = esc(doc.text[a:b])
        active = sorted((m for m in inside if m.start <= a and m.end >= b), key=lambda m: (m.start, -m.end))
        opened = []
        for m in active:
            f = findings[m.finding]
            label = KINDS[m.kind].label
            attrs = [f'class="hl k-{m.kind.value}"', f'data-f="{m.finding}"',
                     f'title="{esc(label)}: {esc(f.message)}"']
            if m.finding not in anchored:
                # The first piece of each highlight is reachable from the keyboard like a button.
                anchored.add(m.finding)
                attrs += [f'id="f{m.finding}-{role}"', 'tabindex="0"', 'role="button"',
                          f'aria-label="{esc(label)}: {esc(f.message)}"']
            opened.append(f"<mark {' '.join(attrs)}>")
        parts.append("".join(opened) + piece + "</mark>" * len(opened))
    return "".join(parts)


def _source_links(comp: Comparison) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    forward: dict[int, list[int]] = {}
    backward: dict[int, list[int]] = {}
    for a in comp.alignments:
        forward.setdefault(a.story, [])
        for j in a.source:
            if j not in forward[a.story]:
                forward[a.story].append(j)
            backward.setdefault(j, [])
            if a.story not in backward[j]:
                backward[j].append(a.story)
    return forward, backward


def _sentence_label(comp: Comparison, doc: Document, index: int, links: dict[int, list[int]]) -> str | None:
    if doc.role == "story":
        v = comp.sentence_verdicts.get(index)
        return v.value if isinstance(v, Verdict) else (str(v) if v else None)
    if comp.alignments:
        return "used" if index in links else "not in story"
    return None


def _render_text(comp: Comparison, doc: Document, findings: list[Finding],
                 links: dict[int, list[int]]) -> str:
    """The sentences of one text as blocks, with findings highlighted inline."""
    marks = _marks_for(doc, findings)
    anchored: set[int] = set()
    own = _ROLE_PREFIX.get(doc.role, doc.role)
    other_role = "source" if doc.role == "story" else "story"
    other = _ROLE_PREFIX[other_role]
    text = doc.text
    blocks: list[tuple[int, int, int | None]] = []
    pos = 0
    for s in sorted(doc.sentences, key=lambda s: s.start):
        s_start, s_end = max(pos, s.start), min(len(text), s.end)
        if s_start > pos and text[pos:s_start].strip():
            blocks.append((pos, s_start, None))
        if s_end > s_start:
            blocks.append((s_start, s_end, s.index))
        pos = max(pos, s_end)
    if text[pos:].strip() or not blocks:
        blocks.append((pos, len(text), None))
    out: list[str] = []
    prev_end = 0
    for start, end, idx in blocks:
        classes = ["sent"]
        if "\n" in text[prev_end:start]:
            classes.append("para")
        prev_end = end
        body = _highlight(doc, start, end, marks, findings, anchored)
        if idx is None:
            out.append(f'<div class="{" ".join(classes)} gap">{body}</div>')
            continue
        label = _sentence_label(comp, doc, idx, links)
        if label:
            classes.append("v-" + label.replace(" ", "-"))
        partners = links.get(idx, [])
        attrs = [f'class="{" ".join(classes)}"', f'id="{own}-s{idx}"', f'data-i="{idx}"']
        if partners:
            attrs.append(f'data-links="{" ".join(f"{other}-s{j}" for j in partners)}"')
        extra = ""
        if label:
            extra += f' <span class="badge v-{esc(label.replace(" ", "-"))}">{esc(label)}</span>'
        support = _support_of(comp, doc, idx)
        if support is not None:
            extra += (f' <span class="support" title="share of this sentence\'s word pairs found in the '
                      f'source">{support:.0%} worded as in source</span>')
        for j in partners:
            extra += (f' <a class="pair" href="#{other}-s{j}" aria-label="aligned {other_role} sentence '
                      f'{j + 1}">&#8596;&#160;{other_role}&#160;{j + 1}</a>')
        out.append(f'<div {" ".join(attrs)}><span class="sno" aria-hidden="true">{idx + 1}</span>'
                   f'<span class="stext">{body}</span>{extra}</div>')
    return "\n".join(out)


def _support_of(comp: Comparison, doc: Document, index: int) -> float | None:
    if doc.role != "story":
        return None
    a = comp.alignment_of(index)
    return a.support if a is not None else None


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _reference_text(ref: dict[str, Any]) -> str:
    from wirecheck.report.html_map import reference_records

    out = []
    for role, rec in reference_records(ref):
        parts: list[str] = []
        for k in ("resolved_name", "name", "region", "country"):
            if rec.get(k) and str(rec[k]) not in parts and not (k == "name" and rec.get("resolved_name")):
                parts.append(str(rec[k]))
        text = ", ".join(parts)
        if rec.get("geonameid"):
            text += f" (GeoNames {rec['geonameid']})"
        if text:
            out.append(f"{role}: {text}" if role else text)
    return "; ".join(out)


def _finding_card(i: int, f: Finding) -> str:
    kind = FindingKind(f.kind)  # stages may hand over the plain string
    info = KINDS[kind]
    rows: list[tuple[str, str]] = []
    if f.story is not None or f.after:
        said = esc(f.after or (f.story.text if f.story else ""))
        if f.story is not None and f.after and f.after != f.story.text:
            said += f'<span class="ctx">in: {esc(_clip(f.story.text))}</span>'
        rows.append(("Story says", said))
    if f.source is not None or f.before:
        said = esc(f.before or (f.source.text if f.source else ""))
        if f.source is not None and f.before and f.before != f.source.text:
            said += f'<span class="ctx">in: {esc(_clip(f.source.text))}</span>'
        rows.append(("Source says", said))
    ref_text = _reference_text(f.reference) if f.reference else ""
    if ref_text:
        rows.append(("Reference says", esc(ref_text)))
    rows.append(("Why it matters", esc(f.message)))
    if f.suggestion:
        rows.append(("Suggestion", esc(f.suggestion)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    jumps = []
    if f.story is not None:
        jumps.append(f'<a class="jump" data-f="{i}" href="#f{i}-story">show in story</a>')
    if f.source is not None:
        jumps.append(f'<a class="jump" data-f="{i}" href="#f{i}-source">show in source</a>')
    meta = f"{esc(f.rule) or 'rule not named'} · confidence {f.confidence:.2f}"
    return (f'<li class="finding k-{kind.value}" id="f-{i}" data-f="{i}">'
            f'<div class="fhead"><span class="swatch" aria-hidden="true"></span>'
            f'<strong>{esc(info.label)}</strong> <span class="sev sev-{info.severity.label}">'
            f'{info.severity.label}</span></div><dl>{dl}</dl><p class="meta">{meta}</p>'
            f'<p class="jumps">{" ".join(jumps)}</p></li>')


def _position(f: Finding) -> tuple[int, int]:
    return (f.story.start if f.story else 10**9, f.source.start if f.source else 0)


def _findings_html(findings: list[Finding]) -> str:
    if not findings:
        return '<p class="none">No findings.</p>'
    by_sev: dict[Severity, list[int]] = {}
    for i, f in enumerate(findings):
        by_sev.setdefault(f.severity, []).append(i)
    out = []
    for sev in sorted(by_sev, reverse=True):
        idx = sorted(by_sev[sev], key=lambda i: _position(findings[i]))
        cards = "".join(_finding_card(i, findings[i]) for i in idx)
        out.append(f'<section class="sevgroup sevgroup-{sev.label}"><h3>{sev.label.capitalize()} '
                   f'<span class="count">({len(idx)})</span></h3><ol>{cards}</ol></section>')
    return "\n".join(out)


def _legend_html(findings: list[Finding], has_source: bool) -> str:
    counts: dict[FindingKind, int] = {}
    for f in findings:
        kind = FindingKind(f.kind)
        counts[kind] = counts.get(kind, 0) + 1
    items = []
    for kind, info in KINDS.items():  # KINDS order keeps the legend stable between reports
        if kind in counts:
            items.append(f'<li class="k-{kind.value}" title="{esc(info.description)}">'
                         f'<span class="swatch" aria-hidden="true"></span>{esc(info.label)} '
                         f'<span class="count">{counts[kind]}</span> '
                         f'<span class="sev sev-{info.severity.label}">{info.severity.label}</span></li>')
    kinds = f'<ul class="legend-kinds">{"".join(items)}</ul>' if items else ""
    verdicts = ""
    if has_source:  # sentence verdicts and alignment only exist against a source
        verdicts = ('<p class="legend-verdicts">Sentence marks: <span class="badge v-supported">supported'
                    '</span> <span class="badge v-changed">changed</span> <span class="badge v-added">added'
                    '</span> <span class="badge v-not-in-story">not in story</span> · hover or click a '
                    'sentence to see the sentences it is aligned with.</p>')
    if not kinds and not verdicts:
        return ""
    return f'<section id="legend" aria-label="Legend"><h2>Legend</h2>{kinds}{verdicts}</section>'


def _summary_html(comp: Comparison) -> str:
    verdicts = [v.verdict for v in comp.verdicts]
    story = comp.story
    if comp.source is None:
        score = ('<div class="score none"><span class="label">Reference checks only</span>'
                 '<span class="sub">no source given</span></div>')
        langs = f"language: {esc(story.lang or '?')}"
    else:
        val = comp.fidelity
        band = "good" if val >= 80 else "fair" if val >= 50 else "poor"
        score = (f'<div class="score {band}"><span class="label">Fidelity</span>'
                 f'<span class="value">{val:.0f}</span><span class="sub">out of 100</span></div>')
        langs = f"languages: story {esc(story.lang or '?')}, source {esc(comp.source.lang or '?')}"
        risk, novelty = comp.risk, comp.novelty
        if risk is not None and novelty is not None:
            langs += (f'</p><p class="risk" title="logistic model fitted on FRANK valid summaries; '
                      f'read it beside the findings">error risk {risk:.2f}; wording new to the source: '
                      f'{novelty.pair_share:.0%} of word pairs, {len(novelty.novel_words)} content words')
    for err in comp.stage_errors:
        langs += f'</p><p class="warn">warning: a stage failed, its findings are missing: {esc(err)}'
    facts = ""
    if verdicts:
        facts = (f"<p>story facts: {verdicts.count(Verdict.SUPPORTED)} supported, "
                 f"{verdicts.count(Verdict.CHANGED)} changed, {verdicts.count(Verdict.ADDED)} added"
                 + (f"; source facts: {verdicts.count(Verdict.KEPT)} kept, "
                    f"{verdicts.count(Verdict.DROPPED)} dropped" if comp.source is not None else "")
                 + "</p>")
    n = len(comp.findings)
    worst = max((f.severity for f in comp.findings), default=None)
    findings_line = f"<p>{n} finding{'s' if n != 1 else ''}" + (
        f", worst: <span class=\"sev sev-{worst.label}\">{worst.label}</span>" if worst else "") + "</p>"
    return f'<div class="summary">{score}<div class="facts">{findings_line}{facts}<p>{langs}</p></div></div>'


def _kind_css() -> str:
    rules = []
    for kind, colour in KIND_COLOUR.items():
        k = kind.value
        rules.append(f".k-{k}{{--kc:{colour};--kt:{colour}33}}")
    return "\n".join(rules)


def _map_section(comp: Comparison, enabled: bool) -> tuple[str, str, str]:
    """(head CSS, section HTML, scripts) of the map; an explanatory note when nothing is resolved."""
    if not enabled:
        return "", "", ""
    from wirecheck.report import html_map

    payload = html_map.map_payload(comp)
    if payload is None:
        return "", ('<section id="places"><h2>Places</h2><p class="none" id="map-empty">No places were '
                    'resolved to coordinates in these texts, so there is no map.</p></section>'), ""
    rows = []
    for p in payload["places"]:
        where = ", ".join(x for x in (p["region"], p["country"]) if x)
        links = []
        for m in p["mentions"]:  # each mention links to its sentence
            anchor = f'{_ROLE_PREFIX.get(m["role"], m["role"])}-s{m["sentence"]}'
            links.append(f'<a class="mention" href="#{esc(anchor)}">{esc(m["text"])} ({esc(m["role"])})</a>')
        flag = ' class="flagged"' if p["findings"] else ""
        gn = f' · GeoNames {esc(p["geonameid"])}' if p["geonameid"] else ""
        rows.append(f"<li{flag}><strong>{esc(p['name'])}</strong>{' — ' + esc(where) if where else ''}"
                    f"{gn}{' · as ' + ', '.join(links) if links else ''}</li>")
    section = (f'<section id="places"><h2>Places</h2><div id="map" role="region" '
               f'aria-label="Map of the places named in the texts"></div>'
               f'<p class="attrib">{esc(payload["attribution"])}. Red: a place with a finding; '
               f'blue: other resolved places.</p><ul class="place-list">{"".join(rows)}</ul></section>')
    scripts = (f'<script type="application/json" id="map-data">{_json_for_script(payload)}</script>\n'
               f"<script>{html_map.leaflet_js()}</script>\n<script>{_MAP_JS}</script>")
    return f"<style>{html_map.leaflet_css()}</style>", section, scripts


def render(comp: Comparison, *, title: str | None = None, map: bool = True, home: str | None = None,
           **_: object) -> str:
    """The whole report as one HTML document.

    ``map=False`` leaves out the map (and Leaflet); ``home`` adds a link back to a local page (the web
    app's form).
    """
    findings = list(comp.findings)
    story, source = comp.story, comp.source
    forward, backward = _source_links(comp)
    if title is None:
        title = f"wirecheck: {story.name or 'story'}" + (f" vs {source.name or 'source'}" if source else "")
    story_html = _render_text(comp, story, findings, forward)
    cols = [f'<section class="col" id="story-col" aria-label="Story"><h2>Story'
            f'{" — " + esc(story.name) if story.name else ""}</h2><div class="text" lang="{esc(story.lang)}">'
            f"{story_html}</div></section>"]
    if source is not None:
        source_html = _render_text(comp, source, findings, backward)
        cols.append(f'<section class="col" id="source-col" aria-label="Source"><h2>Source'
                    f'{" — " + esc(source.name) if source.name else ""}</h2><div class="text" '
                    f'lang="{esc(source.lang)}">{source_html}</div></section>')
    map_css, map_html, map_scripts = _map_section(comp, map)
    home_link = f'<a class="home" href="{esc(home)}">New comparison</a>' if home else ""
    layout = "two" if source is not None else "one"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="wirecheck">
<title>{esc(title)}</title>
<style>{_CSS}
{_kind_css()}</style>
{map_css}
</head>
<body>
<header><h1>{esc(title)}</h1>{home_link}{_summary_html(comp)}</header>
{_legend_html(findings, source is not None)}
<div class="layout {layout}">
{"".join(cols)}
<aside id="findings" aria-label="Findings"><h2>Findings</h2>{_findings_html(findings)}</aside>
</div>
{map_html}
<footer>Made by wirecheck. Every finding is a lead for a human fact-checker, not a verdict.</footer>
<script>{_JS}</script>
{map_scripts}
</body>
</html>
"""



_CSS = """
:root{--fg:#1b1b1b;--muted:#555;--bg:#fff;--line:#d0d0d0;--link:#0b57d0;--focus:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header{padding:.8rem 1.2rem;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
h1{font-size:1.25rem;margin:0;flex:1 1 100%}
h2{font-size:1.05rem;margin:.2rem 0 .5rem}
h3{font-size:.95rem;margin:.6rem 0 .3rem}
a{color:var(--link)}
a:focus-visible,.sent:focus-visible,mark:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.home{font-weight:600}
.summary{display:flex;gap:1.2rem;align-items:center}
.score{display:flex;flex-direction:column;align-items:center;padding:.3rem .9rem;border-radius:.5rem;border:2px solid}
.score .label{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.score .value{font-size:2rem;font-weight:700;line-height:1}
.score .sub{font-size:.75rem;color:var(--muted)}
.warn{color:#8a4b00;background:#fff3d6;padding:.2rem .4rem;border-radius:.25rem}
.score.good{border-color:#1e7b34;color:#1e6b2e}.score.fair{border-color:#a15c00;color:#8a4f00}
.score.poor{border-color:#b3261e;color:#a1221b}.score.none{border-color:#777;color:#333}
.facts p{margin:.1rem 0}
#legend{padding:.4rem 1.2rem;border-bottom:1px solid var(--line)}
#legend h2{display:none}
.legend-kinds{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.legend-kinds li{display:flex;align-items:center;gap:.35rem}
.legend-verdicts{margin:.3rem 0 0;font-size:.85rem;color:var(--muted)}
.swatch{display:inline-block;width:1.1em;height:1.1em;border-radius:.2em;background:var(--kt);border:2px solid var(--kc);flex:none}
.count{color:var(--muted);font-size:.85em}
.sev{font-size:.72rem;text-transform:uppercase;letter-spacing:.04em;padding:0 .35em;border-radius:.25em;border:1px solid;white-space:nowrap}
.sev-critical{color:#fff;background:#a1221b;border-color:#a1221b}.sev-high{color:#a1221b;border-color:#a1221b}
.sev-medium{color:#7a4a00;border-color:#a15c00}.sev-low{color:#0b5a7a;border-color:#0b5a7a}.sev-info{color:#555;border-color:#888}
.layout{display:grid;gap:1rem;padding:1rem 1.2rem;grid-template-columns:minmax(0,1fr) minmax(0,1fr) 24rem}
.layout.one{grid-template-columns:minmax(0,1fr) 26rem}
@media (max-width:1250px){.layout{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.layout #findings{grid-column:1/-1}
 .layout.one{grid-template-columns:minmax(0,1fr)}}
@media (max-width:760px){.layout{grid-template-columns:minmax(0,1fr)}}
.col,#findings{min-width:0}
.col .text,#findings{max-height:calc(100vh - 2rem);overflow:auto}
.col .text{border:1px solid var(--line);border-radius:.4rem;padding:.3rem .5rem}
#findings{position:sticky;top:.5rem;align-self:start}
.sent{position:relative;padding:.35rem .4rem .35rem 2rem;margin:.15rem 0;border-radius:.3rem;border-left:4px solid transparent;cursor:pointer}
.sent.para{margin-top:.8rem}
.sent.gap{cursor:auto;color:var(--muted)}
.sent:hover{background:#f3f6fb}
.sent.linked-self{background:#e8effc;border-left-color:#0b57d0}
.sent.linked{background:#fff4cc;border-left-color:#c48a00}
.sno{position:absolute;left:.3rem;top:.45rem;font-size:.7rem;color:var(--muted);width:1.4rem;text-align:right}
.badge{font-size:.7rem;padding:0 .4em;border-radius:.8em;border:1px solid #888;color:#333;white-space:nowrap;vertical-align:.1em}
.badge.v-supported,.badge.v-used,.badge.v-kept{border-color:#1e7b34;color:#1e6b2e}
.badge.v-changed{border-color:#b3261e;color:#a1221b;background:#fdecea}
.badge.v-added{border-color:#a15c00;color:#7a4a00;background:#fff3e0}
.badge.v-not-in-story,.badge.v-dropped{border-color:#777;color:#444;background:#f1f1f1}
.sent.v-changed{border-left-color:#e8a29d}.sent.v-added{border-left-color:#f0c27a}
.sent.v-not-in-story .stext{color:#555}
.support{font-size:.72rem;color:#555;white-space:nowrap;margin-left:.3em}
.pair{font-size:.72rem;white-space:nowrap;text-decoration:none}
.pair:hover{text-decoration:underline}
mark.hl{color:inherit;background:var(--kt);box-shadow:inset 0 -3px 0 var(--kc);border-radius:.15em;padding:0 .05em;cursor:pointer}
mark.hl mark.hl{box-shadow:inset 0 -6px 0 var(--kc)}
mark.hl.active{outline:2px solid var(--kc);outline-offset:1px;background:var(--kt)}
#findings ol{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:6px solid var(--kc);border-radius:.35rem;padding:.45rem .6rem;margin:.4rem 0;background:#fff}
.finding.active{box-shadow:0 0 0 3px var(--kc)}
.fhead{display:flex;align-items:center;gap:.4rem;flex-wrap:wrap}
.finding dl{margin:.3rem 0;display:grid;grid-template-columns:7.5rem minmax(0,1fr);gap:.1rem .5rem;font-size:.9rem}
.finding dt{color:var(--muted)}
.finding dd{margin:0;overflow-wrap:anywhere}
.ctx{display:block;color:var(--muted);font-size:.82rem}
.meta{margin:.1rem 0;font-size:.78rem;color:var(--muted)}
.jumps{margin:.1rem 0;font-size:.85rem;display:flex;gap:.8rem}
.none{color:var(--muted)}
#places{padding:0 1.2rem 1rem}
#map{height:420px;max-width:900px;border:1px solid var(--line);border-radius:.4rem;background:#dbe8f3}
.attrib{font-size:.8rem;color:var(--muted);margin:.3rem 0}
.place-list{font-size:.9rem;padding-left:1.2rem}
.place-list li.flagged strong{color:#a1221b}
.popup-title{font-weight:700}
.country-label{color:#6b6b6b;font-size:.8rem;letter-spacing:.12em;text-transform:uppercase;white-space:nowrap;transform:translate(-50%,-50%)}
.leaflet-tooltip.place-label{padding:0 .3em;font-size:.78rem;box-shadow:none}
footer{padding:.8rem 1.2rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line)}
@media print{
 body{font-size:11pt}
 .col .text,#findings{max-height:none;overflow:visible;border:none}
 #findings{position:static}
 .layout{display:block}.col{margin-bottom:1rem}
 .pair,.jumps,.home,.leaflet-control-container{display:none}
 .sent{break-inside:avoid;cursor:auto}.finding{break-inside:avoid}
 mark.hl,.swatch,.badge,.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 #map{break-inside:avoid}
}
"""

_JS = r"""
(function () {
  "use strict";
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function scroller(el) {
    for (var p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      var oy = getComputedStyle(p).overflowY;
      if ((oy === "auto" || oy === "scroll") && p.scrollHeight > p.clientHeight) return p;
    }
    return null;
  }
  // Bring el into the visible part of its own scrolling column (the part inside the window), without
  // moving the page under the pointer.
  function reveal(el) {
    var box = scroller(el);
    if (!box) return;
    var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    var top = Math.max(b.top, 0), bottom = Math.min(b.bottom, window.innerHeight);
    if (bottom - top < 20) return;
    if (r.top < top || r.bottom > bottom) {
      box.scrollTop += (r.top - top) - Math.max(0, (bottom - top - r.height) / 2);
      r = el.getBoundingClientRect();
      // At the end of a column the box cannot scroll further: move the window by the rest.
      if (r.bottom > window.innerHeight || r.top < 0) el.scrollIntoView({block: "nearest"});
    }
  }
  var linked = [];
  // After a jump the page scrolls under a still pointer: hovering must not undo the jump at once.
  var holdUntil = 0;
  function hold() { holdUntil = Date.now() + 700; }
  function clearLinks() {
    linked.forEach(function (e) { e.classList.remove("linked", "linked-self"); });
    linked = [];
  }
  function link(sent) {
    clearLinks();
    sent.classList.add("linked-self");
    linked.push(sent);
    (sent.getAttribute("data-links") || "").split(" ").forEach(function (id) {
      var t = id && document.getElementById(id);
      if (t) { t.classList.add("linked"); linked.push(t); reveal(t); }
    });
  }
  all(".sent[data-i]").forEach(function (s) {
    s.addEventListener("mouseenter", function () { if (Date.now() >= holdUntil) link(s); });
    s.addEventListener("focusin", function () { link(s); });
    s.addEventListener("wirecheck:jump", function () { hold(); link(s); });
    s.addEventListener("click", function (ev) {
      if (ev.target.closest("mark, a")) return;
      link(s);
    });
  });
  all("a.pair, a.mention").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var s = a.closest(".sent");
      var t = document.getElementById(a.getAttribute("href").slice(1));
      hold();
      if (s) link(s); else if (t) link(t);
      if (t) { t.scrollIntoView({block: "nearest"}); }
    });
  });
  var active = [];
  function select(i, from) {
    active.forEach(function (e) { e.classList.remove("active"); });
    active = all('[data-f="' + i + '"]').filter(function (e) { return !e.classList.contains("jump"); });
    active.forEach(function (e) { e.classList.add("active"); });
    var card = document.getElementById("f-" + i);
    if (card && from !== "card") reveal(card);
    ["story", "source"].forEach(function (role) {
      var m = document.getElementById("f" + i + "-" + role);
      if (m) reveal(m);
    });
  }
  all("mark.hl").forEach(function (m) {
    m.addEventListener("click", function (ev) {
      ev.stopPropagation();
      // The innermost mark is the one under the pointer.
      select(m.getAttribute("data-f"), "mark");
    });
    m.addEventListener("keydown", function (ev) {
      if (ev.target === m && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        select(m.getAttribute("data-f"), "mark");
      }
    });
  });
  all("a.jump").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      select(a.getAttribute("data-f"), "card");
      hold();
      var t = document.getElementById(a.getAttribute("href").slice(1));
      if (t) {
        t.scrollIntoView({block: "nearest"});
        var s = t.closest(".sent");
        if (s) link(s);
      }
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      clearLinks();
      active.forEach(function (e) { e.classList.remove("active"); });
      active = [];
    }
  });
})();
"""

_MAP_JS = r"""
(function () {
  "use strict";
  var el = document.getElementById("map"), dataEl = document.getElementById("map-data");
  if (!el || !dataEl || typeof L === "undefined") return;
  var data = JSON.parse(dataEl.textContent);
  var map = L.map(el, {attributionControl: true, zoomSnap: 0.25, worldCopyJump: false});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(data.attribution);
  function line(parent, cls, text) {
    var d = document.createElement("div");
    if (cls) d.className = cls;
    d.textContent = text;
    parent.appendChild(d);
  }
  var pts = data.places.map(function (p) { return [p.lat, p.lon]; });
  // Vector layers need a view before they are added.
  if (pts.length === 1) { map.setView(pts[0], 6); }
  else { map.fitBounds(L.latLngBounds(pts).pad(0.3), {maxZoom: 6}); }
  L.geoJSON(data.outlines, {
    interactive: false,
    style: {color: "#7a7a7a", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1}
  }).addTo(map);
  data.outlines.features.forEach(function (f) {
    if (!f.properties.label || !f.properties.name) return;
    L.marker(f.properties.label, {
      interactive: false, keyboard: false,
      icon: L.divIcon({className: "country-label", html: "", iconSize: null})
    }).addTo(map).getElement().textContent = f.properties.name;
  });
  data.places.forEach(function (p) {
    var flagged = p.findings.length > 0;
    var m = L.circleMarker([p.lat, p.lon], {
      radius: flagged ? 9 : 7, weight: 2, color: flagged ? "#8b0000" : "#123f8c",
      fillColor: flagged ? "#e0201b" : "#2f6fd6", fillOpacity: 0.9, className: flagged ? "place flagged" : "place"
    });
    var box = document.createElement("div");
    line(box, "popup-title", p.name);
    var where = [p.region, p.country].filter(Boolean).join(", ");
    if (where) line(box, "", where);
    if (p.geonameid) line(box, "", "GeoNames " + p.geonameid);
    p.mentions.forEach(function (m) {
      var a = document.createElement("a");
      a.href = "#" + (m.role === "story" ? "st" : "src") + "-s" + m.sentence;
      a.textContent = m.role + ": \u201c" + m.text + "\u201d";
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var t = document.getElementById(a.getAttribute("href").slice(1));
        if (t) { t.scrollIntoView({block: "center"}); t.dispatchEvent(new CustomEvent("wirecheck:jump")); }
      });
      var d = document.createElement("div");
      d.appendChild(a);
      box.appendChild(d);
    });
    p.findings.forEach(function (f) { line(box, "popup-finding", "Finding: " + f.replace(/^f\d+:/, "")); });
    m.bindPopup(box);
    m.bindTooltip(p.name, {permanent: true, direction: "right", offset: [8, 0], className: "place-label"});
    m.addTo(map);
  });
  el.setAttribute("data-markers", String(pts.length));
})();
"""
