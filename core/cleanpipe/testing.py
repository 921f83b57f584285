"""Helpers for testing a cleaning step in a few lines: a contract check and test data.

:func:`check_step` runs a step on a text and asserts what every step owes its
users: it does not raise, its recorded edits reproduce its output from its
input, running it again changes nothing, and it leaves clean prose alone.
:func:`scraped_text` is a hypothesis strategy for text shaped like a scraped
page, to run that check on many inputs::

    from hypothesis import given
    from cleanpipe.testing import check_step, scraped_text

    def test_the_step_on_a_page():
        doc = check_step("cookie-banners", "We use cookies.\\nArticle text.")
        assert doc.text == "Article text."

    @given(scraped_text())
    def test_the_step_keeps_its_contract(text):
        check_step("cookie-banners", text)

:func:`check_step` needs nothing beyond cleanpipe. :func:`scraped_text` needs
hypothesis, which is imported only when it is called: install it with
``pip install 'cleanpipe[testing]'`` (or list ``hypothesis`` among your test
dependencies).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cleanpipe.document import Document, replay
from cleanpipe.options import build_options
from cleanpipe.pipeline import Pipeline, registry
from cleanpipe.steps import Step

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["CLEAN_PROSE", "check_step", "scraped_text"]

#: Clean article text that no step should change: titles, long paragraphs,
#: curly quotes, dashes, accents, numbers, CJK and Cyrillic, as a corpus holds
#: them. :func:`check_step` uses it unless given other samples.
CLEAN_PROSE: tuple[str, ...] = (
    (
        "North Korean Troops Sent To Russia, UK Says\n\n"
        "More than half of the North Korean troops sent to fight on Vladimir "
        "Putin’s behalf in Russia have been injured or killed, according to the "
        "UK. North Korea’s leader signed a mutual defence pact with the Russian "
        "president last year, meaning each would send troops if the other were "
        "attacked.\n\n"
        "The officials added that the casualty rates have “almost certainly been "
        "sustained primarily through large, highly attritional dismounted "
        "assaults” – about 6,000 of the 11,000 soldiers sent, or 55 percent. The "
        "figures were published on 15 June 2025, at 9.30 a.m., by the ministry."
    ),
    (
        "Le café de la place, à Zürich, ouvre à 7 h 30 : on y sert des crêpes, "
        "une salade niçoise et un « menu du jour » à 14,50 €. Les habitués disent "
        "que l’endroit n’a pas changé depuis 1987 ; seule la façade a été "
        "repeinte, d’un bleu que le propriétaire qualifie de naïf.\n"
        "Die Straße vor dem Café ist seit Montag gesperrt, weil die Stadtwerke "
        "dort Leitungen erneuern. Anwohner berichten, dass die Arbeiten länger "
        "dauern als geplant – „mindestens bis Ende Oktober“, sagte ein Sprecher – "
        "und dass der Lärm schon um sieben Uhr morgens beginnt."
    ),
    (
        "東京都は新しい防災計画を発表した。計画では、大地震が起きた場合に備えて、"
        "各区に非常用の水と食料を三日分備蓄することを定めている。"
        "都の担当者は「住民一人一人の備えが重要だ」と話し、家庭での備蓄も呼びかけた。"
        "専門家は、計画の実効性を高めるには訓練を定期的に行う必要があると指摘している。"
        "また、高齢者や外国人住民への情報提供の方法についても、見直しを求める声が上がっている。"
        "都は来年度から、多言語での避難情報の配信を始める予定だ。\n"
        "Правительство объявило о новой программе поддержки малого бизнеса: "  # noqa: RUF001
        "предприниматели смогут получить льготный кредит на срок до пяти лет. "
        "По словам министра, программа начнёт работать в сентябре, а заявки будут "  # noqa: RUF001
        "принимать через портал государственных услуг."
    ),
)

_MAX_SHOWN = 160


def check_step(
    step: str | Callable[..., Any],
    text: str,
    *,
    options: Any = None,
    clean: Iterable[str] = CLEAN_PROSE,
) -> Document:
    """Run ``step`` on ``text``, assert that it keeps the step contract, return the result.

    The contract, checked in this order, each failure an ``AssertionError``
    that shows the text it happened on:

    1. the step does not raise on ``text`` and returns the right type;
    2. every edit has a rule, and the recorded edits reproduce the output from
       the input (``cleanpipe.replay(text, doc.edits) == doc.text``);
    3. it is idempotent: run on its own output, it changes and records nothing;
    4. it leaves each text of ``clean`` as it is, recording nothing
       (pass ``clean=()`` for a step whose job is to change every text).

    :param step: the name of an installed step, as ``--plugins`` takes it (a
        spec such as ``"default"`` checks those steps together), or a step
        function, ``str -> str`` or ``Document -> Document``, not yet installed.
    :param text: the input to check the step on.
    :param options: the step's options: for a step name, a mapping of option
        values (as ``-O`` or TOML would set them) or an instance of its options
        class; for a function that takes options, an instance of its options
        class. ``None`` means the defaults. Options are for one step, so
        with a spec of several they are a ``TypeError``.
    :param clean: texts the step must leave alone; :data:`CLEAN_PROSE` by default.
    :returns: the document the step made from ``text``, to assert more about
        its text, edits or metadata.

    >>> def shout(text: str) -> str:
    ...     return text.upper()
    >>> check_step(shout, "Hello.", clean=()).text
    'HELLO.'
    """
    # Explicit raises, not assert statements: python -O must not turn the
    # checks off.
    name, run = _runner(step, options)
    doc = _run(name, run, text)
    if any(not edit.rule for edit in doc.edits):
        msg = f"{name} recorded edits without a rule on {_show(text)}"
        raise AssertionError(msg)
    try:
        replayed = replay(text, doc.edits)
    except ValueError as exc:
        raise AssertionError(f"{name}: {exc}, on {_show(text)}") from exc
    if replayed != doc.text:
        msg = (
            f"{name} changed the text beyond its recorded edits (a Document step "
            f"must change it with doc.apply) on {_show(text)}:\n"
            f"  output:   {_show(doc.text)}\n  replayed: {_show(replayed)}"
        )
        raise AssertionError(msg)
    again = _run(name, run, doc.text)
    if (again.text, again.edits) != (doc.text, ()):
        msg = (
            f"{name} is not idempotent: on its output {_show(doc.text)} it made "
            f"{_show(again.text)}; its edits: {_edit_list(again)}"
        )
        raise AssertionError(msg)
    for sample in clean:
        kept = _run(name, run, sample)
        if (kept.text, kept.edits) != (sample, ()):
            msg = (
                f"{name} changed clean text {_show(sample)} into "
                f"{_show(kept.text)}; its edits: {_edit_list(kept)}"
            )
            raise AssertionError(msg)
    return doc


def _runner(
    step: str | Callable[..., Any], options: Any
) -> tuple[str, Callable[[Document], Document]]:
    """The step's name for messages, and a function that runs it on a document."""
    if isinstance(step, str):
        pipeline = Pipeline.from_spec(step)
        if options is None:
            return f"step {step!r}", pipeline.run
        if len(pipeline.steps) != 1:
            msg = f"options are for one step, and {step!r} names {len(pipeline.steps)}"
            raise TypeError(msg)
        ((registered, _),) = pipeline.steps
        if isinstance(options, Mapping):
            options = build_options(registered.name, registered.options, options)
        return f"step {step!r}", Pipeline(((registered, options),)).run
    if isinstance(options, Mapping):
        msg = "for a step function, pass options as an instance of its options class"
        raise TypeError(msg)
    name = getattr(step, "__name__", repr(step))
    wrapped = Step.create(
        name, step, options=None if options is None else type(options)
    )
    return f"step function {name!r}", lambda doc: wrapped(doc, options)


def _run(name: str, run: Callable[[Document], Document], text: str) -> Document:
    try:
        return run(Document(text))
    except Exception as exc:
        raise AssertionError(f"{name} raised on {_show(text)}: {exc}") from exc


def _edit_list(doc: Document) -> list[tuple[str, str, str]]:
    return [(edit.rule, edit.before, edit.after) for edit in doc.edits]


def _show(text: str) -> str:
    if len(text) > _MAX_SHOWN:
        half = _MAX_SHOWN // 2
        return f"{text[:half]!r} … {text[-half:]!r} ({len(text)} chars)"
    return repr(text)


# The pieces scraped_text() builds pages from. Each is a kind of block a
# scraper leaves in real pages; the tuple names say which defect it carries.
_WORDS = (
    "the", "region", "troops", "said", "officials", "Kursk", "UK", "iPhone",
    "café", "naïve", "Zürich", "Putin’s", "“quoted”", "2025", "6,000", "e.g.",
    "U.S.", "9.30", "co-operation", "Straße", "€14,50", "½", "👍", "🇬🇧",
)  # fmt: skip
_CHROME = (
    "cupure logo", "Menu", "Skip to content", "Log in", "Subscribe", "Search",
    "Comments", "Breaking news", "Share this article", "Advertisement",
    "israeldaytrumpindiairanfathersairfathers dayminnesotacrash",
    "Home | News | Sport | Weather", "© 2025 Example Media Ltd. All rights reserved.",
    "Follow us on Facebook", "Related...", "Read more:", "Privacy Policy",
)  # fmt: skip
_LINKS = (
    "https://t.co/1vB3QSA41N", "pic.twitter.com/E8DnAa64eZ", "@DefenceHQ",
    "#StandWithUkraine", "www.example.co.uk/news/world-12345",
    "https://example.com/a?b=1&c=d#top", "mailto:news@example.com",
)  # fmt: skip
_CJK = (
    "東京都は新しい計画を発表した。", "中文文本，没有空格。", "뉴스 속보",  # noqa: RUF001
    "「引用」と書いた。", "한국어 문장입니다.",
)  # fmt: skip
_NON_ASCII = ("café", "Putin’s", "“meat-grinder”", "naïve", "€5", "Zürich", "東京")
_ENCODINGS = ("cp1252", "latin-1", "mac_roman")
_SEPARATORS = ("\n", "\n", "\n\n", " ", "", "\r\n", "\n \n", "\t", "\u00a0")


def scraped_text(
    *, extra_blocks: Sequence[str] = (), max_blocks: int = 12
) -> SearchStrategy[str]:
    """A hypothesis strategy for text shaped like a page a scraper saved.

    A page is up to ``max_blocks`` blocks joined by the separators scrapers
    leave (newlines, blank lines, nothing at all, ``\\r\\n``, tabs, no-break
    spaces). A block is one of: a sentence of ordinary words; two sentences
    glued without a space (``region.More``); a site-chrome line (logo text, a
    trending-topics bar, "Comments", "Breaking news", a related-links label);
    headlines glued together; a URL, handle or hashtag; CJK text; a word with
    its UTF-8 read as cp1252, latin-1 or MacRoman (mojibake); any short
    Unicode string; or one of ``extra_blocks``, the lines your step looks for.

    Requires hypothesis (``pip install 'cleanpipe[testing]'``).
    """
    try:
        from hypothesis import strategies as st
    except ImportError as exc:  # pragma: no cover - depends on the environment
        msg = (
            "cleanpipe.testing.scraped_text needs hypothesis: "
            "pip install 'cleanpipe[testing]'"
        )
        raise ImportError(msg) from exc

    # Load the installed plugins now, not in the first example, where
    # hypothesis would count their import time against its deadline.
    registry()
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14)
    sentence = st.builds(
        lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
        st.sampled_from(_WORDS),
        words,
        st.sampled_from((".", "!", "?", "…", ":", "")),
    )
    glued = st.lists(sentence, min_size=2, max_size=4).map("".join)
    headlines = st.lists(
        sentence.map(lambda s: s.rstrip(".!?…:")), min_size=2, max_size=5
    ).map("".join)
    mojibake = st.builds(
        lambda word, encoding: word.encode().decode(encoding, errors="replace"),
        st.sampled_from(_NON_ASCII),
        st.sampled_from(_ENCODINGS),
    )
    block = st.one_of(
        sentence,
        glued,
        st.sampled_from(_CHROME),
        st.builds("{}{}".format, st.sampled_from(_CHROME), headlines),
        st.sampled_from(_LINKS),
        st.sampled_from(_CJK),
        st.builds(" ".join, st.lists(st.one_of(mojibake, sentence), max_size=4)),
        st.text(max_size=30),
        *([st.sampled_from(tuple(extra_blocks))] if extra_blocks else []),
    )
    page = st.lists(st.tuples(block, st.sampled_from(_SEPARATORS)), max_size=max_blocks)
    return page.map(lambda parts: "".join(b + s for b, s in parts))
