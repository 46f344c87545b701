"""Stage and check registration, in the spirit of spaCy components and Datasette hooks.

A document stage is a function ``Document -> Document`` registered with :func:`stage`; it declares the
capabilities it ``requires`` and ``provides`` (strings such as ``"sentences"`` or ``"facts.place"``) and
the languages it handles.  A pair stage (alignment, fact matching, checks) is ``Comparison -> None``
registered with :func:`pair_stage`, or with :func:`check` when it emits findings.  Modules in the stage
folders register themselves on import; :func:`load_plugins` imports them all, plus any third-party
module advertised under the ``wirecheck.plugins`` entry-point group.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TypeVar

from wirecheck.kinds import FindingKind
from wirecheck.model import Comparison, Document

DocFunc = Callable[[Document], Document]
PairFunc = Callable[[Comparison], None]
F = TypeVar("F", bound=Callable[..., object])

# Folders whose modules are stages; a new stage is one new file in one of them.
STAGE_PACKAGES = (
    "wirecheck.language",
    "wirecheck.segment",
    "wirecheck.extractors",
    "wirecheck.resolvers",
    "wirecheck.align",
    "wirecheck.checks",
)


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[..., object]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    langs: frozenset[str] | None  # None: any language
    order: int
    scope: str  # "doc" or "pair"
    kinds: tuple[FindingKind, ...] = ()
    doc: str = ""
    needs_source: bool = True
    # Soft requirements: wait for these capabilities if some stage provides them, else run anyway.
    after: tuple[str, ...] = ()

    def handles(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


DOC_STAGES: dict[str, Stage] = {}
PAIR_STAGES: dict[str, Stage] = {}


def _register(table: dict[str, Stage], st: Stage) -> None:
    if st.name in table and table[st.name].func is not st.func:
        raise ValueError(f"stage {st.name!r} registered twice")
    table[st.name] = st


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = (),
          langs: Iterable[str] | None = None, order: int = 50, after: Iterable[str] = ()) -> Callable[[F], F]:
    """Register a document stage: ``Document`` in, the same ``Document`` out."""

    def deco(func: F) -> F:
        _register(DOC_STAGES, Stage(name, func, tuple(requires), tuple(provides),
                                    frozenset(langs) if langs is not None else None, order, "doc",
                                    doc=(func.__doc__ or "").strip().split("\n")[0], after=tuple(after)))
        return func

    return deco


def pair_stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = (),
               order: int = 50, needs_source: bool = True, after: Iterable[str] = ()) -> Callable[[F], F]:
    """Register a stage over a story/source pair (alignment, fact matching)."""

    def deco(func: F) -> F:
        _register(PAIR_STAGES, Stage(name, func, tuple(requires), tuple(provides), None, order, "pair",
                                     doc=(func.__doc__ or "").strip().split("\n")[0],
                                     needs_source=needs_source, after=tuple(after)))
        return func

    return deco


def check(name: str, *, kinds: Iterable[FindingKind], requires: Iterable[str] = (),
          needs_source: bool = True, order: int = 80, after: Iterable[str] = ()) -> Callable[[F], F]:
    """Register a check: a pair stage that adds findings of the declared ``kinds``.

    ``needs_source=False`` marks a reference check that also runs on a story alone
    (``wirecheck check``); it then sees a Comparison whose ``source`` is None.
    """

    def deco(func: F) -> F:
        provides = (f"check.{name}",)
        _register(PAIR_STAGES, Stage(name, func, tuple(requires), provides, None, order, "pair",
                                     tuple(kinds), doc=(func.__doc__ or "").strip().split("\n")[0],
                                     needs_source=needs_source, after=tuple(after)))
        return func

    return deco


def order_stages(stages: Iterable[Stage], have: Iterable[str] = ()) -> list[Stage]:
    """Topological order by requires/provides, ties broken by ``order`` then name.

    A requirement nobody provides is an error for a pair stage; for a doc stage it only means the
    stage is skipped for languages where no provider exists (resolved by the caller filtering first).
    """
    pending = sorted(stages, key=lambda s: (s.order, s.name))
    available = set(have)
    out: list[Stage] = []
    while pending:
        for i, st in enumerate(pending):
            coming = {p for o in pending if o is not st for p in o.provides}
            if all(r in available for r in st.requires) and not any(
                    a in coming and a not in available for a in st.after):
                out.append(st)
                available.update(st.provides)
                del pending[i]
                break
        else:
            # Soft "after" wishes can form a cycle (people after places, places after people): break it
            # by running the first stage, in ``order``, whose hard requirements are met.
            ready = [i for i, st in enumerate(pending) if all(r in available for r in st.requires)]
            if ready:
                st = pending.pop(ready[0])
                out.append(st)
                available.update(st.provides)
                continue
            missing = {r for st in pending for r in st.requires if r not in available}
            names = ", ".join(st.name for st in pending)
            raise RuntimeError(f"stages {names} need {sorted(missing)}, which no stage provides")
    return out


_loaded = False


def load_plugins() -> None:
    """Import every stage module once per process (cheap: heavy models load lazily)."""
    global _loaded
    if _loaded:
        return
    for pkg_name in STAGE_PACKAGES:
        pkg = importlib.import_module(pkg_name)
        for mod in pkgutil.iter_modules(pkg.__path__):
            if not mod.name.startswith("_"):
                importlib.import_module(f"{pkg_name}.{mod.name}")
    for ep in entry_points(group="wirecheck.plugins"):
        ep.load()
    _loaded = True
