"""Terminal summary: fidelity score, then findings grouped by severity, each as
"story says / source says / why it matters"."""

from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wirecheck.kinds import KINDS, Severity
from wirecheck.model import Comparison, Verdict

_COLOURS = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def render(comp: Comparison, *, width: int = 110, color: bool = False, **_: object) -> str:
    buf = io.StringIO()
    con = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None)
    write(con, comp)
    return buf.getvalue()


def write(con: Console, comp: Comparison) -> None:
    story = comp.story
    title = f"wirecheck: {story.name or 'story'}"
    if comp.source is not None:
        title += f"  vs  {comp.source.name or 'source'}"
        score = comp.fidelity
        colour = "green" if score >= 80 else "yellow" if score >= 50 else "red"
        verdicts = [v.verdict for v in comp.verdicts]
        summary = Text.assemble(
            ("Fidelity ", "bold"), (f"{score:.0f}/100", f"bold {colour}"),
            f"   story facts: {verdicts.count(Verdict.SUPPORTED)} supported, "
            f"{verdicts.count(Verdict.CHANGED)} changed, {verdicts.count(Verdict.ADDED)} added;"
            f"  source facts: {verdicts.count(Verdict.KEPT)} kept, {verdicts.count(Verdict.DROPPED)} dropped",
            f"\nlanguages: story {story.lang}, source {comp.source.lang}",
        )
        risk, novelty = comp.risk, comp.novelty
        if risk is not None and novelty is not None:
            summary.append(f"\nerror risk {risk:.2f} (wording new to the source: "
                           f"{novelty.pair_share:.0%} of word pairs, {len(novelty.novel_words)} content words)")
    else:
        summary = Text.assemble(("Reference checks only (no source given)", "bold"),
                                f"\nlanguage: {story.lang}")
    con.print(Panel(summary, title=title, expand=True))
    for err in comp.stage_errors:
        con.print(Text(f"warning: a stage failed, its findings are missing: {err}", style="bold yellow"))
    if not comp.findings:
        con.print("No findings.")
        return
    by_sev: dict[Severity, list] = {}
    for f in comp.findings:
        by_sev.setdefault(f.severity, []).append(f)
    for sev in sorted(by_sev, reverse=True):
        items = by_sev[sev]
        table = Table(title=f"{sev.label.upper()} ({len(items)})", title_style=_COLOURS[sev],
                      title_justify="left", show_lines=True, expand=True)
        table.add_column("kind", style=_COLOURS[sev], no_wrap=True, ratio=2)
        table.add_column("story says", ratio=4)
        table.add_column("source / reference says", ratio=4)
        table.add_column("why it matters", ratio=4)
        for f in sorted(items, key=lambda f: (f.story.start if f.story else 10**9)):
            story_txt = f.story.text if f.story else "-"
            if f.after and f.story and f.after not in f.story.text:
                story_txt = f"{f.after}\n[dim]in: {_clip(f.story.text)}[/dim]"
            if f.source:
                src_txt = f.source.text if not f.before or f.before == f.source.text else \
                    f"{f.before}\n[dim]in: {_clip(f.source.text)}[/dim]"
            elif f.reference:
                src_txt = _ref_text(f.reference)
            else:
                src_txt = "-"
            why = f.message
            if f.suggestion:
                why += f"\n[green]suggestion:[/green] {f.suggestion}"
            why += f"\n[dim]{f.rule}, confidence {f.confidence:.2f}[/dim]"
            table.add_row(KINDS[f.kind].label, story_txt, src_txt, why)
        con.print(table)


def _clip(s: str, n: int = 120) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _ref_text(ref: dict) -> str:
    parts = [str(ref.get("name", ""))]
    for k in ("region", "country"):
        if ref.get(k):
            parts.append(str(ref[k]))
    s = ", ".join(p for p in parts if p)
    if ref.get("geonameid"):
        s += f" (GeoNames {ref['geonameid']})"
    return s or "-"
